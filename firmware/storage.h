/* storage.h -- where the database lives: the file system under it and
** under the system, read from /proc/self/mountinfo, and what that means
** for a kiosk that loses power without warning. A read-only root (the
** overlay file system of Raspberry Pi OS) cannot be damaged by a pulled
** plug, but anything written under it lives in memory and is lost at
** the next boot: the database must sit on a real, writable file system. */
#ifndef BORNE_STORAGE_H
#define BORNE_STORAGE_H

#include <stddef.h>

typedef struct MountInfo {
	char point[256];     /* where it is mounted */
	char fstype[32];     /* ext4, overlay, tmpfs, vfat... */
	char source[128];    /* /dev/mmcblk0p3, overlay... */
	char options[512];   /* the mount's options, then the file system's */
} MountInfo;

typedef enum StorageVerdict {
	STORAGE_OK = 0,      /* a journalled file system, writable */
	STORAGE_WEAK,        /* no journal (vfat, exfat): a cut may damage it */
	STORAGE_VOLATILE,    /* in memory (tmpfs, overlay): lost at reboot */
	STORAGE_READONLY     /* mounted read-only: no check-in can be saved */
} StorageVerdict;

/* The mount holding path (an absolute path, symbolic links resolved by
** the caller), from the text of a mountinfo file: the longest mount
** point that contains it, the last mounted when two are the same.
** BORNE_OK, or BORNE_ENOTFOUND. */
int storage_mount_of(const char *mountinfo, const char *path, MountInfo *out);

/* What a database on m risks; why (one line, English) may be NULL. An
** overlay is in memory when its upper layer is on a tmpfs of mountinfo
** (Raspberry Pi OS's overlay root); one whose upper layer is not in
** mountinfo (a container's) is judged as a disk. */
StorageVerdict storage_verdict(const char *mountinfo, const MountInfo *m,
                               char *why, size_t whylen);

/* 1 when the root file system root is read-only, or an overlay that
** keeps its writes in memory (Raspberry Pi OS's overlay root): a power
** cut cannot damage it. */
int storage_root_protected(const char *mountinfo, const MountInfo *root);

#endif
