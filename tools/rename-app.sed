# rename-app.sed -- the App's private fields each screen module owns moved
# into its own sub-struct of App (app_impl.h), like the view's
# (rename-view.sed). Mechanical: sed -E -i -f tools/rename-app.sed FILES
s/\<a->search_focused\>/a->board.search_focused/g
s/\<a->board_return\>/a->board.from/g
s/\<a->mission_return\>/a->detail.from/g
s/\<a->poster\>/a->post.poster/g
s/\<a->post_return\>/a->post.from/g
s/\<a->post_focused\>/a->post.focused/g
s/\<a->amount\>/a->post.amount/g
s/\<a->post_err_field\>/a->post.err_field/g
# first the whole fields whose names the sub-structs take (not a->pin.x)
s/\<a->pin([^._[:alnum:]]|$)/a->pin.typed\1/g
s/\<a->result([^._[:alnum:]]|$)/a->result.tap\1/g
s/\<a->pin_for\>/a->pin.purpose/g
s/\<a->pin_return\>/a->pin.from/g
s/\<a->pin_fails\>/a->pin.fails/g
s/\<a->pin_lock_until_ms\>/a->pin.lock_until_ms/g
s/\<a->pin_saved_ms\>/a->pin.saved_ms/g
s/\<a->pin_member\>/a->pin.member/g
s/\<a->pin_member_name\>/a->pin.member_name/g
s/\<a->pin_first\>/a->pin.first/g
s/\<a->raw\>/a->enrol.raw/g
s/\<a->enrol_focused\>/a->enrol.focused/g
s/\<a->enrol_from_fac\>/a->enrol.from_fac/g
s/\<a->result_rc\>/a->result.rc/g
