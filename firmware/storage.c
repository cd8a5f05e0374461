/* storage.c -- the file systems under the database and the system
** (see storage.h). mountinfo lines read:
**   ID PARENT MAJ:MIN ROOT POINT OPTIONS [OPTIONAL...] - TYPE SOURCE SUPER
** with spaces, tabs, newlines and backslashes in paths written \040,
** \011, \012 and \134. */
#include "storage.h"

#include <stdio.h>
#include <string.h>

#include "borne.h"

static size_t field(const char **p, char *out, size_t outlen);
static int    contains(const char *point, const char *path);
static int    has_option(const char *options, const char *opt);
static int    overlay_in_memory(const char *mountinfo, const MountInfo *m);

/* The next space-separated field of *p, octal escapes undone, cut to
** outlen - 1 bytes; its length before cutting (0 at the line's end). */
static size_t
field(const char **p, char *out, size_t outlen)
{
	const char *s = *p;
	size_t n = 0, o = 0;

	while (*s == ' ')
		s++;
	while (*s != '\0' && *s != ' ' && *s != '\n') {
		char c = *s++;

		if (c == '\\' && s[0] >= '0' && s[0] <= '3' && s[1] >= '0' &&
		    s[1] <= '7' && s[2] >= '0' && s[2] <= '7') {
			c = (char)((s[0] - '0') * 64 + (s[1] - '0') * 8 + (s[2] - '0'));
			s += 3;
		}
		if (o + 1 < outlen)
			out[o++] = c;
		n++;
	}
	if (outlen > 0)
		out[o] = '\0';
	*p = s;
	return n;
}

/* 1 when path is point or below it. */
static int
contains(const char *point, const char *path)
{
	size_t n = strlen(point);

	if (strcmp(point, "/") == 0)
		return path[0] == '/';
	return strncmp(point, path, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

int
storage_mount_of(const char *mountinfo, const char *path, MountInfo *out)
{
	const char *line = mountinfo;
	size_t best = 0;
	int found = 0;

	while (line != NULL && *line != '\0') {
		const char *p = line, *next = strchr(line, '\n');
		char skip[256], point[256], opts[256], type[32], src[128], super[256];
		int ok = 1;

		for (int i = 0; i < 4 && ok; i++)          /* id, parent, dev, root */
			ok = field(&p, skip, sizeof skip) > 0;
		ok = ok && field(&p, point, sizeof point) > 0 &&
		     field(&p, opts, sizeof opts) > 0;
		while (ok && field(&p, skip, sizeof skip) > 0 && strcmp(skip, "-") != 0)
			;                                    /* optional fields */
		ok = ok && strcmp(skip, "-") == 0 && field(&p, type, sizeof type) > 0 &&
		     field(&p, src, sizeof src) > 0;
		if (ok) {
			if (field(&p, super, sizeof super) == 0)
				super[0] = '\0';
			if (contains(point, path) && strlen(point) >= best) {
				best = strlen(point);
				found = 1;
				snprintf(out->point, sizeof out->point, "%s", point);
				snprintf(out->fstype, sizeof out->fstype, "%s", type);
				snprintf(out->source, sizeof out->source, "%s", src);
				snprintf(out->options, sizeof out->options, "%s%s%s", opts,
				         super[0] ? "," : "", super);
			}
		}
		line = next != NULL ? next + 1 : NULL;
	}
	return found ? BORNE_OK : BORNE_ENOTFOUND;
}

/* 1 when the comma-separated options hold opt (or "opt=..."). */
static int
has_option(const char *options, const char *opt)
{
	size_t n = strlen(opt);

	for (const char *s = options; s != NULL && *s != '\0';) {
		if (strncmp(s, opt, n) == 0 && (s[n] == ',' || s[n] == '\0' ||
		                                 (opt[n - 1] != '=' && s[n] == '=')))
			return 1;
		s = strchr(s, ',');
		if (s != NULL)
			s++;
	}
	return 0;
}

/* 1 when the overlay m keeps its writes on a tmpfs of mountinfo. */
static int
overlay_in_memory(const char *mountinfo, const MountInfo *m)
{
	const char *up = strstr(m->options, "upperdir=");
	char dir[256];
	MountInfo under;
	size_t n;

	if (up == NULL)
		return 0;
	up += strlen("upperdir=");
	n = strcspn(up, ",");
	if (n >= sizeof dir)
		return 0;
	memcpy(dir, up, n);
	dir[n] = '\0';
	return storage_mount_of(mountinfo, dir, &under) == BORNE_OK &&
	       under.point[1] != '\0' &&       /* found under itself: unknown */
	       (strcmp(under.fstype, "tmpfs") == 0 ||
	        strcmp(under.fstype, "ramfs") == 0);
}

StorageVerdict
storage_verdict(const char *mountinfo, const MountInfo *m, char *why,
                size_t whylen)
{
	static const char *const volatile_fs[] = { "tmpfs", "ramfs", NULL };
	static const char *const weak_fs[] = { "vfat", "exfat", "msdos", "ntfs",
	                                       "ntfs3", "fuseblk", NULL };
	StorageVerdict v = STORAGE_OK;
	const char *say = "a journalled file system";

	for (int i = 0; volatile_fs[i] != NULL; i++)
		if (strcmp(m->fstype, volatile_fs[i]) == 0) {
			v = STORAGE_VOLATILE;
			say = "in memory: everything written is lost at the next boot;"
			      " put the database on a writable partition";
		}
	if (strcmp(m->fstype, "overlay") == 0 && overlay_in_memory(mountinfo, m)) {
		v = STORAGE_VOLATILE;
		say = "in the overlay's memory layer: everything written is lost at"
		      " the next boot; put the database on a writable partition";
	}
	for (int i = 0; weak_fs[i] != NULL; i++)
		if (strcmp(m->fstype, weak_fs[i]) == 0) {
			v = STORAGE_WEAK;
			say = "no journal: a power cut can damage the file system;"
			      " use ext4";
		}
	if (v == STORAGE_OK && has_option(m->options, "ro")) {
		v = STORAGE_READONLY;
		say = "mounted read-only: no check-in can be saved";
	}
	if (v == STORAGE_OK && strcmp(m->fstype, "ext4") == 0)
		say = has_option(m->options, "data=journal")
		      ? "ext4, data=journal: data and metadata are journalled"
		      : "ext4: metadata journalled; SQLite's own journal keeps the"
		        " data (data=journal adds a second guard)";
	if (why != NULL && whylen > 0)
		snprintf(why, whylen, "%s", say);
	return v;
}

int
storage_root_protected(const char *mountinfo, const MountInfo *root)
{
	return has_option(root->options, "ro") ||
	       (strcmp(root->fstype, "overlay") == 0 &&
	        overlay_in_memory(mountinfo, root));
}
