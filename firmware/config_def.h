/* config_def.h -- every configuration key, its default and its unit.
** Included by config.c (and by docs generation): one table, nothing else.
**   CONFIG_DEF(key, default, help)            text keys
**   CONFIG_NUM(key, default, min, max, help)  whole numbers: a value out
**                                             of [min, max] is refused
** An includer that defines only CONFIG_DEF gets the numbers through it. */
#ifndef CONFIG_NUM
#define CONFIG_NUM(k, d, lo, hi, h) CONFIG_DEF(k, d, h)
#define CONFIG_NUM_FALLBACK
#endif
CONFIG_DEF("space_name",        "Le Patio",           "name shown on Accueil")
CONFIG_DEF("space_tagline",     "Tiers-lieu · Coopérative jeunesse", "line under the name")
CONFIG_DEF("lang",              "fr",                 "fr or en")
CONFIG_DEF("db",                "/var/lib/borne/borne.db", "SQLite database file")
CONFIG_DEF("reader",            "none",               "libnfc[:CONNSTRING], wedge:DEVICE, sim:FIFO, none")
CONFIG_DEF("uid_decimal_order", "lsb",                "lsb or msb: byte order of 10-digit wedge numbers")
CONFIG_NUM("idle_timeout_s",    "60",    10, 3600,    "back to Accueil after this much silence, seconds")
CONFIG_NUM("greeting_s",        "15",    15, 600,     "the badge result stays this long, then Accueil (15 at least, idle_timeout_s at most), seconds")
CONFIG_NUM("checkin_repeat_s",  "60",    0, 3600,     "a second tap within this is ignored, seconds")
CONFIG_NUM("checkout_grace_min", "60",   0, 1440,     "a tap this soon after a visit was closed automatically is its departure, minutes")
CONFIG_NUM("visit_cap_h",       "10",    1, 24,       "a visit with no contributive day's closing hour ends by itself after this long, hours")
CONFIG_NUM("approval_required", "1",     0, 1,        "1: coworkers' missions wait for a facilitator")
CONFIG_NUM("max_open_takes",    "2",     1, 100,      "missions one member may hold at once")
CONFIG_NUM("confirm_wait_s",    "20",    5, 120,      "a badge asked for (take a mission, facilitator badge...) is awaited this long, seconds")
CONFIG_NUM("store_retry_s",     "5",     1, 60,       "out of service: the database is tried again this often, seconds")
CONFIG_NUM("pin_max_tries",     "3",     1, 20,       "wrong PINs before facilitator mode locks")
CONFIG_NUM("pin_lock_s",        "300",   1, 86400,    "how long facilitator mode stays locked, seconds")
CONFIG_NUM("pin_digits",        "6",     4, 8,        "digits the kiosk asks for when a PIN is set (4 to 8 are accepted)")
CONFIG_DEF("pin_key_file",      "",                   "PIN key file when the board has no programmed OTP key; empty: pin.key next to the database")
CONFIG_DEF("pin_otp_device",    "/dev/vcio",          "firmware mailbox the OTP private key is read through; none: not tried")
CONFIG_DEF("export_dir",        "",                   "where reports go; empty: first writable /media/*/*")
CONFIG_DEF("kiosk_id",          "borne-1",            "this kiosk's name in check-ins")
CONFIG_NUM("sound",             "1",     0, 1,        "1: a tone on each badge tap")
CONFIG_NUM("reader_poll_ms",    "150",   10, 5000,    "libnfc poll period, milliseconds")
CONFIG_DEF("renderer",          "auto",               "auto, gl or software: auto takes the GPU where the machine has one")
CONFIG_NUM("display_rotate",    "0",     0, 270,      "0, 90, 180 or 270: degrees the picture turns clockwise on the panel")
CONFIG_DEF("touch_flip",        "none",               "none, x, y or xy: a touch panel mounted mirrored or upside down")
CONFIG_DEF("screen_hours",      "",                   "HH:MM-HH:MM the screen stays lit; outside, it goes dark when idle; empty: always lit")
CONFIG_DEF("vat_rate",          "20 %",               "VAT on quotes until one is set with borne-admin quote vat: 20 %, 10 %, 5,5 %, or exempt (TVA non applicable, art. 293 B du CGI)")
CONFIG_DEF("tz",                "",                   "time zone; empty: TZ, else Europe/Paris")
CONFIG_DEF("web_listen",        "0.0.0.0:8080",       "borne-web listens here: ADDR:PORT, [::]:PORT for IPv6")
CONFIG_DEF("web_tls_cert",      "",                   "borne-web: PEM certificate file for HTTPS; empty: plain HTTP")
CONFIG_DEF("web_tls_key",       "",                   "borne-web: PEM private key of web_tls_cert")
CONFIG_DEF("hub_url",           "",                   "borne-admin sync: the PostgreSQL hub, postgresql://ROLE:PASSWORD@HOST/DB?sslmode=verify-full; empty: this kiosk alone (docs/sync.md)")
CONFIG_DEF("web_backup_dir",    "/var/lib/borne/backups", "borne-web: the folder of daily backups it offers to download")
#ifdef CONFIG_NUM_FALLBACK
#undef CONFIG_NUM
#undef CONFIG_NUM_FALLBACK
#endif
