# embed.cmake -- writes hub/hub.sql as a C string (cmake -P, at build
# time), so borne-admin hub init needs no file beside it.
file(READ ${IN} content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," content "${content}")
file(WRITE ${OUT} "/* Generated from hub/hub.sql by admin/embed.cmake. */\n"
  "const char hub_sql[] = {${content} 0x00};\n")
