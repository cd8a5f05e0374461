# Text from people: the line breaking on its own (a fake font), then the
# kiosk showing the worst of it (URLs, long words, combining marks,
# right-to-left, emoji, maximum lengths) at every screen size.
borne_c_test(textlayout)
target_link_libraries(test_textlayout PRIVATE borne_textlayout)
# The link after a space that crashed the mission page and the preview.
borne_ui_script(text_url SIZES 800x480 1920x1080 480x800)
# Emoji, combining marks, Hebrew and Arabic, flags, an e-mail: drawn and
# shown on the preview, the board's card and the mission page.
borne_ui_script(text_world SIZES 800x480 1920x1080 480x800)
