/* test_storage.c -- the mount under the database, read from mountinfo
** texts as a Raspberry Pi shows them, and what each means for a kiosk
** that loses power. */
#include <string.h>

#include "borne.h"
#include "check.h"
#include "storage.h"

/* A Pi with the overlay root (raspi-config's "overlay file system"), the
** database on its own ext4 partition, a USB stick, a path with a space. */
static const char pi[] =
	"19 1 179:2 / /media/root-ro ro,relatime shared:2 - ext4 /dev/mmcblk0p2 ro\n"
	"20 1 0:19 / /media/root-rw rw,relatime shared:3 - tmpfs tmpfs-root rw\n"
	"1 0 0:20 / / rw,relatime shared:1 - overlay overlayroot rw,lowerdir=/media/root-ro,upperdir=/media/root-rw/overlay,workdir=/media/root-rw/overlay-workdir\n"
	"25 1 179:3 / /var/lib/borne rw,noatime shared:9 - ext4 /dev/mmcblk0p3 rw,data=journal,commit=5\n"
	"30 1 8:1 / /media/usb\\040stick rw,nosuid,nodev shared:12 - vfat /dev/sda1 rw,fmask=0022\n"
	"31 1 0:44 / /run rw,nosuid,nodev shared:5 - tmpfs tmpfs rw,size=187260k\n";

/* The same Pi before the data partition was made: the database in the
** overlay, that is in memory. */
static const char pi_no_data[] =
	"19 1 179:2 / /media/root-ro ro,relatime shared:2 - ext4 /dev/mmcblk0p2 ro\n"
	"20 1 0:19 / /media/root-rw rw,relatime shared:3 - tmpfs tmpfs-root rw\n"
	"1 0 0:20 / / rw,relatime shared:1 - overlay overlayroot rw,lowerdir=/media/root-ro,upperdir=/media/root-rw/overlay\n";

/* A container: an overlay root whose layers live on the host, unseen. */
static const char container[] =
	"600 500 0:50 / / rw,relatime - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/A,upperdir=/var/lib/docker/overlay2/B/diff,workdir=/var/lib/docker/overlay2/B/work\n"
	"601 600 0:51 / /proc rw,nosuid - proc proc rw\n";

/* A plain Raspberry Pi OS: a writable ext4 root, no optional fields. */
static const char plain[] =
	"22 1 179:2 / / rw,noatime - ext4 /dev/mmcblk0p2 rw\n"
	"23 22 179:1 / /boot/firmware rw,relatime - vfat /dev/mmcblk0p1 rw\n"
	"garbage that is not a mount line\n"
	"24 22 179:5 / /var/lib/borne ro,relatime - ext4 /dev/mmcblk0p5 ro\n";

int
main(void)
{
	MountInfo m;
	char why[200];

	CHECK_INT(storage_mount_of(pi, "/var/lib/borne/borne.db", &m), BORNE_OK);
	CHECK_STR(m.point, "/var/lib/borne");
	CHECK_STR(m.fstype, "ext4");
	CHECK_STR(m.source, "/dev/mmcblk0p3");
	CHECK_CONTAINS(m.options, "data=journal");
	CHECK_INT(storage_verdict(pi, &m, why, sizeof why), STORAGE_OK);
	CHECK_CONTAINS(why, "data=journal");
	/* /var/lib/borne-old is not under /var/lib/borne. */
	CHECK_INT(storage_mount_of(pi, "/var/lib/borne-old/x.db", &m), BORNE_OK);
	CHECK_STR(m.point, "/");
	CHECK_INT(storage_verdict(pi, &m, why, sizeof why), STORAGE_VOLATILE);
	CHECK_CONTAINS(why, "lost at the next boot");
	CHECK(storage_root_protected(pi, &m));
	/* An escaped space in a mount point, a stick with no journal. */
	CHECK_INT(storage_mount_of(pi, "/media/usb stick/borne.db", &m), BORNE_OK);
	CHECK_STR(m.point, "/media/usb stick");
	CHECK_INT(storage_verdict(pi, &m, why, sizeof why), STORAGE_WEAK);
	CHECK_INT(storage_mount_of(pi, "/run/borne.db", &m), BORNE_OK);
	CHECK_INT(storage_verdict(pi, &m, NULL, 0), STORAGE_VOLATILE);

	CHECK_INT(storage_mount_of(pi_no_data, "/var/lib/borne/borne.db", &m),
	          BORNE_OK);
	CHECK_STR(m.fstype, "overlay");
	CHECK_INT(storage_verdict(pi_no_data, &m, why, sizeof why), STORAGE_VOLATILE);

	CHECK_INT(storage_mount_of(plain, "/", &m), BORNE_OK);
	CHECK_INT(storage_root_protected(plain, &m), 0);
	CHECK_INT(storage_verdict(plain, &m, why, sizeof why), STORAGE_OK);
	CHECK_CONTAINS(why, "SQLite's own journal");
	CHECK_INT(storage_mount_of(plain, "/var/lib/borne/borne.db", &m), BORNE_OK);
	CHECK_INT(storage_verdict(plain, &m, why, sizeof why), STORAGE_READONLY);
	CHECK_INT(storage_mount_of(plain, "/boot/firmware/x", &m), BORNE_OK);
	CHECK_INT(storage_verdict(plain, &m, why, sizeof why), STORAGE_WEAK);

	CHECK_INT(storage_mount_of(container, "/var/lib/borne/borne.db", &m),
	          BORNE_OK);
	CHECK_STR(m.fstype, "overlay");
	CHECK_INT(storage_verdict(container, &m, why, sizeof why), STORAGE_OK);
	CHECK_INT(storage_root_protected(container, &m), 0);  /* layers unseen */

	CHECK_INT(storage_mount_of("", "/x", &m), BORNE_ENOTFOUND);
	CHECK_INT(storage_mount_of("1 2 3\n", "/x", &m), BORNE_ENOTFOUND);
	return check_done();
}
