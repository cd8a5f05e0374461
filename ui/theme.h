/* theme.h -- the mockups' scale as names: spacing, radii and type sizes
** (../shared/mockups/README.md), in logical px at 800x480. A screen says
** MARGIN or GAP_M where it follows the scale; a bare number left in a
** screen is a size the scale does not name (a hero, a picture). */
#ifndef BORNE_THEME_H
#define BORNE_THEME_H

/* Spacing: an 8 px grid. */
#define MARGIN        16    /* screen edge */
#define MARGIN_WIDE   24    /* screen edge on accueil, portrait text */
#define GAP_S         8
#define GAP_M         12
#define GAP_L         16
#define GAP_XL        24
#define TOP_BAR_H     64
#define TOUCH_MIN     48    /* nothing tappable smaller */

/* Radii. Chips, pills and dots: half their height. */
#define RADIUS_KEY    8
#define RADIUS_BUTTON 12    /* buttons, tiles, fields */
#define RADIUS_CARD   16
#define RADIUS_PANEL  24

/* The "lip": the same shape, darker, this much lower. */
#define LIP           3
#define LIP_CARD      2     /* cards and keyboard keys */

/* Focus: a Terracotta border in a pale halo. */
#define FOCUS_BORDER  3
#define FOCUS_HALO    4

/* Type sizes. Nothing below TYPE_META. */
#define TYPE_CLOCK    112
#define TYPE_GREETING 48
#define TYPE_TITLE    28    /* titles 28-34 */
#define TYPE_DATE     28
#define TYPE_SECTION  22    /* sections 22-24 */
#define TYPE_BUTTON   20    /* buttons 20-24 */
#define TYPE_BODY     20
#define TYPE_CARD     20    /* card titles */
#define TYPE_META     18    /* meta lines, chips */
#define TYPE_KEY      24
#define TYPE_PIN      32

#endif
