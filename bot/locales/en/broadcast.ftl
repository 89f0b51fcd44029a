## Broadcasts: staff notices to many residents

menu-broadcast = 📢 Send a notice
broadcast-staff-only = /broadcast is for community staff sending notices; your account cannot use it.
broadcast-staff-only-form = What you were filling in (“{ $flow }”) is still there: go on with it.
broadcast-choose-community = Which community is it for?
broadcast-choose-audience = Who should get this notice?
broadcast-audience-community = Every resident of the community
broadcast-audience-grids = Some grids
broadcast-audience-buildings = Some buildings
broadcast-audience-members = Registered volunteers
broadcast-audience-everyone = Every resident of every community
broadcast-choose-grids = Tap the grids (several allowed), then "Done".
broadcast-choose-buildings = Tap the buildings (several allowed), then "Done".
broadcast-targets-done = ✅ Done
broadcast-to-everyone = To: { broadcast-audience-everyone } (to send it to someone else, tap “{ common-back }”).
broadcast-ask-text = Type the notice (one message); it may carry one photo. Send /cancel to stop.
broadcast-preview = <b>Preview</b> (this is what residents will see):
    ——————
    { $text }
    ——————
    It will go to <b>{ $count }</b> people. Notices during quiet hours arrive in the morning; urgent ones go at once.
broadcast-preview-long = <b>Preview</b>: above is what residents will get. { $parts ->
        [1] The notice is long, so this note comes on its own.
       *[other] The notice is longer than one Telegram message may be, so residents get it in { $parts } messages, whole, nothing cut.
    }
    It will go to <b>{ $count }</b> people. Notices during quiet hours arrive in the morning; urgent ones go at once.
broadcast-button-not-text = “{ $label }” is a button, not the notice. Please type the text of the notice (it may carry one photo), or tap “{ common-cancel }” or send /cancel to stop.
broadcast-header = 📢 <b>Notice from { $community }</b> ({ $sender })
broadcast-header-everyone = 📢 <b>Notice from the sub-district office</b>
broadcast-sender-staff = community staff
broadcast-sender-grid = grid worker, { $grid }
broadcast-sender-admin = sub-district office
broadcast-send = ✅ Send
broadcast-send-urgent = 🚨 Urgent, send now
broadcast-cancel = ✖️ Don't send
broadcast-cancelled = Cancelled; the notice was not sent.
broadcast-edit = ✏️ Change
broadcast-edit-what = What do you want to change?
broadcast-edit-text = The notice
broadcast-edit-audience = Who gets it
broadcast-edit-ask-text = Please send the notice as it should read (one message, with a picture if you like). The old text is in the preview above; to leave it as it is, send “cancel” or /cancel.
broadcast-edit-audience-done = ✅ Recipients chosen; the notice is unchanged. The new preview is below.
broadcast-edit-cancelled = Change cancelled; nothing was changed. The preview above is still there: tap “{ broadcast-send }” or “{ broadcast-cancel }” on it.
broadcast-empty-audience = Nobody in this audience has registered yet, so there is no one to send to.
broadcast-progress = 📤 Sending: sent { $sent }/{ $total }
broadcast-held = 🌙 Quiet hours: { $count } of the copies go out at { $when }. For something urgent, send it again and choose "🚨 Urgent, send now".
broadcast-report = <b>📢 Notice sent</b>
    { $total } people: { $sent } received it, { $blocked } have blocked the bot, { $failed } could not be reached.
broadcast-report-handed-over = 📨 { $author } no longer works for { $community }; the report of the notice they sent (“{ $notice }”) comes to you:
broadcast-scope-everyone = every community
broadcast-show-unreached = 👀 Who did not get it
broadcast-unreached-title = <b>People who did not get this notice:</b>
broadcast-unreached-line = • { $name } ({ $outcome })
broadcast-unreached-more = …and { $count } more people who did not get it, not listed one by one.
broadcast-unreached-none = Everyone got it.
broadcast-outcome-blocked = blocked the bot
broadcast-outcome-failed = sending failed
broadcast-outcome-cancelled = cancelled
broadcast-bad-audience = A notice cannot be sent to this audience.
broadcast-no-targets = Choose the grids or buildings first.
broadcast-too-long = The notice is too long ({ $length } characters); please keep it to { $max } characters and send it again.
broadcast-not-found = This notice cannot be found (it may have been cancelled).
broadcast-already-sent = This notice has already been sent and will not be sent again.
broadcast-quiet-now = 🌙 Quiet hours of { $community }: { $start }–{ $end }. Messages that are not urgent wait until the morning.
    Change: /quiet 22:00 07:00   Switch off: /quiet off
broadcast-quiet-off = 🔔 Quiet hours of { $community } are off (they were { $start }–{ $end }); messages go at any time.
    Switch on again: /quiet { $start } { $end }
broadcast-quiet-bad = That time is not in the right form. Write it like this: /quiet 22:00 07:00, or /quiet off
broadcast-quiet-same = Quiet hours cannot start and end at the same time. Write it like this: /quiet 22:00 07:00; to have none, send /quiet off
broadcast-quiet-not-yours = Only the community staff of { $community } can change its quiet hours. To have them changed, please ask { $ask }.
broadcast-quiet-not-yours-admin = Only the community staff of { $community } can change its quiet hours; it has none yet, so please ask the sub-district admin.
broadcast-quiet-line = 🌙 { $community }: quiet hours { $start }–{ $end }
broadcast-quiet-line-off = 🔔 { $community }: quiet hours off (they were { $start }–{ $end })
broadcast-quiet-which = You look after several communities ({ $names }); put the community's name first, for example:
    /quiet { $example } 22:00 07:00  or  /quiet { $example } off

## A notice with a photo
broadcast-photo-received = 🖼 Photo received. Now send the text of the notice; it goes out under the photo.
broadcast-photo-kept = 🖼 The picture you sent is kept: the text will go under it. To use another, send it.
    To use another photo, just send it; send /cancel to stop.
broadcast-need-text-or-photo = The notice needs text here, and may carry one photo (the text as its caption, or the photo first and then the text). Stickers, voice messages and files cannot be a notice; send a picture as a photo. Please send it again, or send /cancel to stop.
broadcast-preview-photo = <b>Preview</b>: above is what residents will get (the photo with the text under it).
    It will go to <b>{ $count }</b> people. Notices during quiet hours arrive in the morning; urgent ones go at once.
broadcast-preview-photo-long = <b>Preview</b>: above is what residents will get. The text is longer than a photo caption may be ({ $limit } characters), so residents get the photo first and the full text right after it, nothing cut. To have the text under the photo, shorten it and send it again.
    It will go to <b>{ $count }</b> people. Notices during quiet hours arrive in the morning; urgent ones go at once.
