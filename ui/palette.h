/* palette.h -- the kiosk's colours as names (../shared/mockups/README.md),
** and the pairs drawn with them: each text on its fill, each control's
** edge on what surrounds it. test_contrast computes every pair's ratio
** (WCAG 2.1: 4.5:1 for text, 3:1 for a control's edge, 1.4.3 and 1.4.11)
** and writes the table; a widget drawing a new pair adds it here. */
#ifndef BORNE_PALETTE_H
#define BORNE_PALETTE_H

#include <stdint.h>

typedef uint32_t UiColor;   /* 0xRRGGBB */

#define COL_CREME        0xFBF5ECu
#define COL_BLANC        0xFFFFFFu
#define COL_SABLE        0xF3E8D8u
#define COL_LINE         0xE6D8C4u   /* separators only, never an edge */
#define COL_KEY          0xEADCC6u
#define COL_KEY_FN       0xD9C8AFu
#define COL_ENCRE        0x2B2320u
#define COL_ENCRE_DOUCE  0x5F5147u
#define COL_TERRA        0xB3472Au
#define COL_TERRA_LIP    0x8A3119u
#define COL_TERRA_PALE   0xFBE3D8u
#define COL_VERT         0x2F6D4Au
#define COL_VERT_PALE    0xDDEFE2u
#define COL_BLEU         0x28557Au
#define COL_BLEU_PALE    0xDDE8F5u
#define COL_SOLEIL       0xF2B738u
#define COL_SOLEIL_PALE  0xFFF0C9u
#define COL_OCRE         0x8A5A00u
#define COL_BORDER       0x9C8B7Au
/* The edge of a chip, a secondary button or a field: 3:1 at least on
** white, Crème and Sable (WCAG 1.4.11). */
#define COL_EDGE         0x8C7B6Au
/* Terracotta text on pale Terracotta (Terracotta itself: 4.43:1). */
#define COL_TERRA_INK    COL_TERRA_LIP
/* A sub-label on a coloured button: white reads on all three fills. */
#define COL_ON_FILL_SUB  COL_BLANC

/* The pairs drawn: PAIR(what, foreground, background, min ratio x10). */
#define PALETTE_TEXT    45
#define PALETTE_CONTROL 30
#define PALETTE_PAIRS(PAIR) \
	PAIR("Text on Crème (screen)",              COL_ENCRE,       COL_CREME,      PALETTE_TEXT) \
	PAIR("Text on white (cards, buttons)",      COL_ENCRE,       COL_BLANC,      PALETTE_TEXT) \
	PAIR("Text on Sable (fields, pills)",       COL_ENCRE,       COL_SABLE,      PALETTE_TEXT) \
	PAIR("Soft text on Crème",                  COL_ENCRE_DOUCE, COL_CREME,      PALETTE_TEXT) \
	PAIR("Soft text on white",                  COL_ENCRE_DOUCE, COL_BLANC,      PALETTE_TEXT) \
	PAIR("Soft text on Sable",                  COL_ENCRE_DOUCE, COL_SABLE,      PALETTE_TEXT) \
	PAIR("Key label on a key",                  COL_ENCRE,       COL_KEY,        PALETTE_TEXT) \
	PAIR("Key label on a function key",         COL_ENCRE,       COL_KEY_FN,     PALETTE_TEXT) \
	PAIR("White on Terracotta (primary)",       COL_BLANC,       COL_TERRA,      PALETTE_TEXT) \
	PAIR("Sub-label on Terracotta",             COL_ON_FILL_SUB, COL_TERRA,      PALETTE_TEXT) \
	PAIR("White on Vert",                       COL_BLANC,       COL_VERT,       PALETTE_TEXT) \
	PAIR("Sub-label on Vert",                   COL_ON_FILL_SUB, COL_VERT,       PALETTE_TEXT) \
	PAIR("White on Bleu soir",                  COL_BLANC,       COL_BLEU,       PALETTE_TEXT) \
	PAIR("Sub-label on Bleu soir",              COL_ON_FILL_SUB, COL_BLEU,       PALETTE_TEXT) \
	PAIR("White on Encre (selected chip)",      COL_BLANC,       COL_ENCRE,      PALETTE_TEXT) \
	PAIR("Terracotta text on Crème",            COL_TERRA,       COL_CREME,      PALETTE_TEXT) \
	PAIR("Terracotta text on white (errors)",   COL_TERRA,       COL_BLANC,      PALETTE_TEXT) \
	PAIR("Terracotta text on pale Terracotta",  COL_TERRA_INK,   COL_TERRA_PALE, PALETTE_TEXT) \
	PAIR("Terracotta icon on pale Terracotta",  COL_TERRA,       COL_TERRA_PALE, PALETTE_CONTROL) \
	PAIR("Ocre on pale Soleil",                 COL_OCRE,        COL_SOLEIL_PALE, PALETTE_TEXT) \
	PAIR("Vert on pale Vert",                   COL_VERT,        COL_VERT_PALE,  PALETTE_TEXT) \
	PAIR("Bleu on pale Bleu",                   COL_BLEU,        COL_BLEU_PALE,  PALETTE_TEXT) \
	PAIR("Encre on Soleil (count dot)",         COL_ENCRE,       COL_SOLEIL,     PALETTE_TEXT) \
	PAIR("Soleil on Encre (toast icon)",        COL_SOLEIL,      COL_ENCRE,      PALETTE_CONTROL) \
	PAIR("Chip/button/field edge on white",     COL_EDGE,        COL_BLANC,      PALETTE_CONTROL) \
	PAIR("Chip/button/field edge on Crème",     COL_EDGE,        COL_CREME,      PALETTE_CONTROL) \
	PAIR("Chip/button/field edge on Sable",     COL_EDGE,        COL_SABLE,      PALETTE_CONTROL) \
	PAIR("Field focus ring on white",           COL_TERRA,       COL_BLANC,      PALETTE_CONTROL) \
	PAIR("Selected chip (Encre) on Crème",      COL_ENCRE,       COL_CREME,      PALETTE_CONTROL) \
	PAIR("Primary button on Crème",             COL_TERRA,       COL_CREME,      PALETTE_CONTROL) \
	PAIR("Switch off (Border) on white",        COL_BORDER,      COL_BLANC,      PALETTE_CONTROL) \
	PAIR("Switch on (Vert) on white",           COL_VERT,        COL_BLANC,      PALETTE_CONTROL)

#endif
