## Core: menu, start, help, cancel, language, errors

menu-register = 🏠 Register address
menu-profile = 👤 My profile
menu-help = ❓ Help
menu-become-member = 🙋 Volunteer sign-up
menu-members = 🧾 Sign-up reviews
menu-admin = ⚙️ Admin
menu-placeholder = Choose a button below, or type

start-greeting = Hello, { $name }! Welcome to <b>Linli</b>, your community service bot.
    Here you can report a problem to the community, follow its progress, join meetings and vote.
start-greeting-registered = Hello, { $name }! How can we help?
start-need-register = First time here? Tap "🏠 Register address" — it takes a minute.
start-register-optional = If you also live in this sub-district, tap "🏠 Register address" to file requests and vote as a resident.
start-role-staff = You are staff of { $communities }.
start-role-admin = You are a sub-district administrator: you can act in every community.
start-todo-title = Waiting for you:
start-todo-waiting = • { $count } new { $count ->
        [one] request
       *[other] requests
    } to triage{ $urgent ->
        [0] {""}
       *[other] ({ $urgent } urgent)
    }
start-todo-verify = • { $count } { $count ->
        [one] result
       *[other] results
    } to verify
start-todo-overdue = • { $count } past { $count ->
        [one] its deadline
       *[other] their deadline
    }
start-todo-applications = • { $count } volunteer { $count ->
        [one] sign-up
       *[other] sign-ups
    } to review (tap "{ $button }")
start-todo-topics = • Residents' topics to decide on: { $count } (tap “{ $button }” → “{ consult-btn-topic-review }”)
start-todo-minutes = • Meetings held whose minutes are not sent: { $count } (tap “{ $button }”)
start-todo-none = Nothing is waiting for you.
start-todo-hint = Tap "{ $button }" to start.
start-member-offers = 🛠 { $count } { $count ->
        [one] order fits
       *[other] orders fit
    } you: tap "{ $button }".
start-member-claims = 📌 You hold { $count } { $count ->
        [one] order
       *[other] orders
    }{ $overdue ->
        [0] {""}
       *[other] , { $overdue } past the deadline
    } (tap "{ $button }").
start-resident-progress = 📂 { $count } of your { $count ->
        [one] requests is
       *[other] requests are
    } being handled (tap "{ $button }" to follow).
start-resident-rate = ⭐ { $count } { $count ->
        [one] is
       *[other] are
    } done and waiting for your rating (in "{ $button }").
start-resident-polls = 🗳 { $count } { $count ->
        [one] poll is
       *[other] polls are
    } open for your vote (tap "{ $button }").

office-title = 🏢 { $community } service centre
office-phone = Phone: { $value }
office-address = Address: { $value }
office-hours = Opening hours: { $value }

help-text = <b>Linli · Help</b>
    Tap the large buttons below; no commands to remember:
help-button = { $label }: { $what }
help-what-register = Start here the first time: tell us your building and room (it takes a minute).
help-what-order-new = Something wrong at home, in your building or around, or you need a hand: tell the community here. Type, or send photos or a voice note.
help-what-order-mine = See how far each matter you reported has got; add information, urge, withdraw, and rate the result.
help-what-consult = The community's meetings, polls and topic calls; sign up, vote, propose a topic.
help-what-profile = See or change your address, phone and quiet hours, or delete your data.
help-what-become-member = Party members and volunteers sign up here; once approved you can take service orders.
help-what-order-open = Service orders that suit you and are open now: one tap to take one.
help-what-order-claims = The orders you took: report the result and photos here when done, or hand one back.
help-what-order-points = Your points, service hours and the community's ranking.
help-what-order-queue = Residents' requests not handled yet, urgent first; issue an order, handle, transfer, merge or decline.
help-what-order-on-behalf = File a request for a resident who phoned or came in.
help-what-order-stats = The three rates, times to respond and resolve, charts, and the ledger export.
help-what-consult-staff = Call meetings, polls and topic calls; check-ins and minutes.
help-what-members = Review Party members' and volunteers' sign-ups.
help-what-broadcast = Send a notice to the whole community, a grid or a building.
help-what-admin = Invite and revoke community staff and admins; manage the org structure and request categories.
help-text-commands = • Send /cancel at any time to leave what you are doing; /start for the main menu.
    • /lang change language 语言  • /forget delete my personal data  • /help show this help
help-text-staff = Staff can also use these commands:
    • /stats ledger stats (/stats 2026-11 for a month)  • /find find a request (/find leak, /find 502)  • /broadcast send a notice  • /quiet see or change quiet hours (e.g. /quiet 22:00 07:00, /quiet off)
help-text-admin = As sub-district admin:
    • /admin invite and revoke community staff (/invite makes an invitation link at once)
    • /categories request categories and deadlines, /category to change them
    • /quiet COMMUNITY … change one community's quiet hours

cancel-done = Cancelled. Back to the main menu.
cancel-nothing = There is nothing to cancel; here is the main menu.

lang-choose = 请选择语言 / Choose your language:
lang-set = Language set to English.
lang-name-zh-Hans = 中文（简体）
lang-name-zh-Hant = 繁體中文
lang-name-en = English

common-yes = Yes
common-no = No
common-back = ⬅️ Back
common-step-current = (You entered: { $value }. Send a new one to change it, or the same again to keep it.)
common-cancel = ✖️ Cancel
common-skip = Skip
common-confirm = ✅ Confirm
common-prev-page = ◀️ Previous
common-next-page = Next ▶️
# a typed text shortened so its card fits one message (services.fitting); $total: its characters
text-cut = … ({ $total } characters in all: tap “📄 Full text”)
# the same in a notice: its button opens the card, whose 📄 Full text shows it whole
text-cut-open = … ({ $total } characters in all: open the details, then tap “📄 Full text”)
common-btn-whole-text = 📄 Full text
# what was just typed, echoed back too long for one message: it is whole in their own message
text-cut-echo = … ({ $total } characters in all: the message you sent)
common-not-sure = Not sure

group-use-private = I work in a private chat only (requests, registration and meetings are all handled there). Tap the button below, or find { $bot }, to talk to me privately.
group-open-private = 💬 Chat with me privately
group-button-private = This button works only in a private chat with me: tap "{ group-open-private }" in the group and carry on there.
group-kept-go-private = Got it! Please file this in a private chat: tap the button below to talk to me privately; what you said is noted, no need to repeat it (please give your room and phone there too, not in the group).
group-kept-too-long = That was too long: together with what you said in the group before, it is more than one matter can hold, so this part was not noted (what you said before still is). Tap the button below and tell me in a private chat, in a few shorter messages.
group-contact-public = ⚠️ Everyone in this group can see that phone number. You may want to delete that message (press and hold it); tell me your phone in a private chat instead (tap the button below).
group-pii-public = ⚠️ Everyone in this group can see the phone or room number you sent: you may want to delete that message (press and hold it).
group-howto = This is done in a private chat with me (tap the button below to open it): { $answer }
group-hello = Hello everyone, I am Linli, the community service assistant. { $bound ->
        [yes] In this group I post { $community }'s public notices: meetings, polls and the like.
       *[other] In this group I post the community's public notices.
    }
    Reporting a matter, registering your address, signing up for a meeting and voting are done in a private chat with me: tap the button below, or find { $bot }. Please don't post room or phone numbers in the group.
group-joined-staff = Linli has joined the group "{ $title }" (added by { $by }). { $bound ->
        [yes] The group now belongs to { $community }: when a meeting or poll for the whole community is published, a public notice (no personal data) is posted there, with a button to sign up or vote in a private chat.
       *[other] The group does not belong to any community yet, so nothing is posted there. When a community's staff member adds me to a group, it belongs to that community.
    }
group-bound-title = <b>Groups bound to your community</b> (when a meeting or poll for the whole community is published, I post a short public notice there):
group-bound-line = · "{ $title }" ({ $community })
group-bound-none = No group is bound to your community yet. When staff add me to the community's residents' group, it is bound to the community.
group-btn-unbind = 🔓 Unbind "{ $title }"
group-unbind-ask = Unbind the group "{ $title }" from { $community }? I will post nothing more in that group (I stay in it; to bind it again, remove me from the group and add me back).
group-btn-unbind-yes = 🔓 Yes, unbind
group-btn-unbind-no = ↩️ Keep it
group-unbound = ✅ The group "{ $title }" is no longer bound to { $community }; nothing more will be posted there.
group-unbind-kept = All right, the group stays bound.
group-unbind-gone = This group is no longer bound to your community (it was unbound, or I was removed from it).
group-channel-title = <b>Your community's public channel</b> (results and poll outcomes are posted there, with no resident's personal data):
group-channel-line = · "{ $title }" ({ $community }){ $gone ->
        [yes] : I was removed from this channel, so nothing is posted there now; add me back (as an administrator) to resume
       *[other] {""}
    }
group-btn-channel = 📣 Set the public channel
group-btn-channel-of = 📣 Set the public channel ({ $community })
channel-set-howto = <b>Set { $community }'s public channel</b> (results and poll outcomes are posted there, with no resident's personal data):
    1. In the channel's "Administrators", add me ({ $bot }) and allow "Post messages";
    2. Come back here and forward me any message from the channel (press and hold it → Forward → our private chat).
    Public channel now: { $current }
channel-set-no-current = not set yet
channel-btn-stop = ↩️ Not now
channel-set-not-forwarded = Please forward me any message from the public channel (press and hold it → Forward → our private chat). To leave it, tap "{ channel-btn-stop }" above.
channel-set-not-channel = That message was not forwarded from a channel. Please forward me a message the public channel posted.
channel-set-not-admin = I am not an administrator of the channel "{ $title }" (or may not post messages there), so I cannot post results there. Add me to the channel's administrators with "Post messages" allowed, then forward a message again.
channel-set-taken = That channel is already { $community }'s public channel, so it cannot be yours as well. Please choose another channel.
channel-set-same = The channel "{ $title }" already is { $community }'s public channel; nothing to change.
channel-set-ask = Change { $community }'s public channel from "{ $old }" to "{ $title }"? Results and poll outcomes will be posted in the new channel, no longer in the old one.
channel-btn-yes = 📣 Yes, change it
channel-btn-no = ↩️ Keep the old one
channel-set-done = ✅ { $community }'s public channel is now "{ $title }": results and poll outcomes will be posted there.
channel-set-kept = All right, the public channel stays as it was.
channel-set-stopped = All right, nothing changed; the public channel stays as it was.
channel-set-gone = That community no longer exists; please open "👥 Community groups" again.
group-left-staff = Linli has been removed from the group "{ $title }" ({ $by }). Nothing will be posted there any more{ $bound ->
        [yes] ; { $community }'s meeting and poll notices go to residents individually
       *[other] {""}
    }.
group-joined-staff-channel = Linli has joined the channel "{ $title }" (added by { $by }). { $bound ->
        [yes] It is { $community }'s public channel: results of orders and polls are posted there (never a resident's personal data).
       *[other] It is no community's public channel, so nothing is posted there.
    }
group-left-staff-channel = Linli has been removed from the channel "{ $title }" ({ $by }). Nothing will be posted there any more{ $bound ->
        [yes] : { $community }'s results of orders and polls are no longer made public; add me back to the channel (as an admin) to resume
       *[other] {""}
    }.
smalltalk-thanks-group = You are welcome! We are here whenever you need us.
smalltalk-ack-group = All right.
smalltalk-bye-group = Goodbye, and all the best!
fallback-kept-offer = What you told me in the group:
    “{ $text }”{ $also }
    Shall we report it to the community? Tap the button below or reply "yes"; you can add photos, a voice note or a location. If not, reply "no".
# the photos and voice notes told with the words (order-kept-photos, order-kept-voice)
fallback-kept-also = {" "}(and { $items })
fallback-kept-joined = What you told me in the group, together with what you just said:
    “{ $text }”{ $also }
    Shall we report it to the community? Tap the button below or reply "yes"; you can add photos, a voice note or a location. If not, reply "no".

err-generic = Sorry, something went wrong and we have logged it. Please try again later, or send /start for the main menu.
err-stale-button = This button is no longer valid: please use the newest message.
err-not-allowed = Sorry, you are not allowed to do that.
err-throttled = You are going a bit fast — please wait a few seconds and try again.
err-menu-not-yours = “{ $label }” is no longer on your menu (your role may have changed). Please use the buttons below; ask your community office if in doubt.
err-unknown-text = Sorry, I did not understand. Just type or send a voice note to tell us what you need, or tap a button below.
err-text-empty = This cannot be empty; please type it again.
err-text-too-long = That is too long ({ $length } characters; at most { $limit }). Please shorten it.
err-name-invalid = Please type your real name (letters only, no emoji or symbols).
err-name-too-long = That name is too long (at most { $limit } characters).
err-label-invalid = Please type plain words, without emoji or symbols.
err-room-invalid = That room number does not look right. Type something like "302", "3-502" or "Unit 2, 301".
err-room-too-long = That room number is too long (at most { $limit } characters). Type something like "302".
err-room-unknown = That is all right: the number on your door will do, e.g. "302" or "Unit 2, 301"; if you are not sure of it, the floor and side will do too, e.g. "3rd floor east".
err-phone-invalid = That number does not look right. Type an 11-digit mobile number (e.g. 139 0000 0001) or a landline with its area code (e.g. 021-12345678), or tap "📱 Share my phone number".
err-contact-not-own = You can only share your own phone number. Please tap "📱 Share my phone number".
err-consent-needed = Please agree to the personal-data notice before registering.
err-address-stale = That address option no longer exists; please choose again.
err-user-not-found = That user could not be found.
err-admin-from-settings = { $id } is an admin because LINLI_ADMIN_IDS names them, which this cannot undo: take the id out of that setting and restart the bot and the scheduler.
err-revoke-not-admin = { $id } is not an admin: there is nothing to revoke (nothing was changed and nobody was told). Please check the Telegram id.
err-revoke-not-staff = { $id } is not staff: there is nothing to revoke (nothing was changed and nobody was told). Please check the Telegram id.
err-revoke-not-staff-there = { $id } is not staff of "{ $community }": there is nothing to revoke (nothing was changed and nobody was told). Please check the Telegram id and the community.
err-member-not-found = That sign-up could not be found.
err-skills-empty = Please choose or type at least one skill.
err-skills-unknown = That skill option is not valid; please choose again.
err-community-required = Please name the community.
err-community-unknown = There is no community called "{ $name }".
err-grid-unknown = There is no grid called "{ $name }".
err-role-not-grantable = That role cannot be granted this way.
err-need-register = Please register your address first to use this.
err-need-register-order = To report a problem, please register your address first (it takes a minute). Right after, you can tell us about it.
err-button-not-text = “{ $label }” is a button, not an answer to this question. Please type your answer, or tap “{ common-cancel }” to stop.
err-button-not-here = “{ $label }” does not apply at this step; what you have entered is kept. Please go on as asked above, or tap “{ common-cancel }” to stop.
err-choose-above = At this step, please choose with the buttons in the message above; what you have entered is kept. Tap “{ common-cancel }” to stop.
err-media-not-supported = Text is needed here. Please type it, or send /cancel to leave.

# between the items of a list in a sentence (roles, skills, communities)
list-sep = {", "}
# how someone who deleted their personal data (/forget) is named to others (models.users.DeletedName)
person-data-deleted = (personal data deleted)
role-resident = Resident
role-member = Volunteer
role-staff = Community staff
role-admin = Sub-district admin

cmd-start = Main menu
cmd-help = Help
cmd-cancel = Cancel the current step
cmd-profile = My profile
cmd-lang = Change language
cmd-forget = Delete my personal data
cmd-invite = Invite community staff
cmd-admin = Admin menu
cmd-register = Register address
cmd-join = Volunteer sign-up
cmd-stats = Statistics and ledger export
cmd-find = Find a request (name, phone, room, words)
cmd-broadcast = Send a notice
cmd-quiet = Quiet hours
fallback-offer-request = Shall we report this to the community? Tap the button below or reply "yes" and we will file it; you can add photos, a voice note or a location. If not, reply "no".
fallback-offer-request-or-ask = If it is something the community should do, tap “📝 Report it”. If not, reply "no".
fallback-offer-which = Please tap one of the buttons above: a question about the meeting, “❓ Send to the organizer…”; something the community should do, “📝 Report it”.
fallback-offer-added = Got it, kept together with what you sent just now.
fallback-neighbour-private = We cannot give out a neighbour's phone number or address: everyone's privacy is protected. If you would like the community to get in touch with them for you, you can report it.
# the same asked before registering: nothing is kept as a matter of theirs
fallback-neighbour-private-new = We cannot give out a neighbour's phone number or address: everyone's privacy is protected. If you would like the community to get in touch with them, call the community office, or first tap “{ menu-register }” to register your address.
fallback-offer-greeted = Hello, I am here! You told us: “{ $text }”
fallback-offer-greeted-media = Hello, I am here! What you sent has not been reported yet.
fallback-text-too-long = This message is { $length } characters long, more than the { $limit } a request can hold, so it was not kept. Please send it in parts, or shorten it.
fallback-offer-too-long = This message ({ $length } characters) together with what you sent just now is over { $limit } characters, so it was not added; what you sent before is still here. Please send it shorter, or report this first and add the rest in a few messages.
fallback-offer-said-again = We already have this one from just now; no need to send it again.
fallback-offer-voice-more = Voice note { $count } received, kept together with the earlier ones.
fallback-offer-voices-full = This matter already has { $limit } voice notes, so this one was not kept. To say more, you can type it.
fallback-offer-dropped = All right, we will leave this one for now. Tell me whenever you need something: type, send a photo or a voice note.
fallback-offer-topic =
    The topic you propose: "{ $topic }"
    A topic is something residents discuss together at a meeting, and others can back it. Tap "💡 Propose as a topic" to propose it; if it is a problem for the community office to handle, tap "📝 Report it".
fallback-topic-button = 💡 Propose as a topic
fallback-topic-which = Please tap one of the buttons above: something for residents to discuss at a meeting, “{ fallback-topic-button }”; a problem for the community office to handle, “{ fallback-file-button }”. You can also reply “topic” or “report”.
fallback-file-button = 📝 Report it
fallback-choice-file = Report it
fallback-choice-topic = Propose as a topic
fallback-choice-note = Tell the community
fallback-choice-drop = Not reporting it for now
fallback-add-offer = What you want to add: { $text }
    Is it about a matter you have already reported? Tap that one; if it is a new matter, tap “{ fallback-file-button }”.
fallback-add-button = ➕ Add to { $number } ({ $what })
fallback-add-which = Please tap one of the buttons above: to add it to your earlier request, “➕ Add to …”; a new matter, “{ fallback-file-button }”.
fallback-choice-add = Added to the earlier request
fallback-offer-chosen = ✓ Chosen: { $choice }
fallback-offer-already = You already chose “{ $choice }” here. Please go on from the messages below.
fallback-kept-topic-until-registered = We have noted the topic you propose: “{ $topic }”
    To propose a topic, please register your address first (it takes a minute); right after, you can propose it as a topic or report it to the community, with no need to tell us again.
fallback-kept-topic-lead = What you told us before registering is here.
fallback-draft-started = All right, we have noted what you wrote. You can add more text, photos, a voice note or a location; tap "✅ Done" when finished.
fallback-draft-started-media = All right, we have kept what you sent. Please add in words or a voice note what the matter is and where; tap "✅ Done" when finished.
fallback-draft-started-voice = All right, we have kept your voice note. You can add text, photos or a location; tap "✅ Done" when finished.
smalltalk-thanks = You're welcome! We're here whenever you need us.
smalltalk-ack = All right. Tap a button below whenever you need something.
smalltalk-bye = Goodbye, and take care! We're here whenever you need us.
smalltalk-chat = I'm the community's service helper, so the weather and a chat are not really my thing 😊 If anything at home, in your building or around the neighbourhood needs the community's help, just tell me: type it, or send a photo or a voice note.
smalltalk-undo = No problem. Tell me whenever you need something: type, send a photo or a voice note.
smalltalk-lead-in = Go ahead, I'm listening: type what it is about, or send a photo or a voice note.
# '😭' / '😢' sent alone: someone upset, maybe in trouble (the office's contacts follow, when on file)
smalltalk-sad = { $registered ->
    [yes] What's wrong? Tell us what happened: type it or send a voice note. For the community's help, tap “{ menu-order-new }”; if it is pressing, call the community office.
   *[no] What's wrong? Tell us what happened: type it or send a voice note. For the community's help, first tap “{ menu-register }” to register your address (it takes a minute); if it is pressing, call the community office.
}
    If you feel unwell or are in danger, call 120 or 110 now.
# '🔥' / '🆘' sent alone: maybe danger (the office's contacts follow, when on file)
smalltalk-alarm = { $registered ->
    [yes] What has happened? For a fire, someone hurt or any danger, call 119 / 120 / 110 now. For the community's help, type or send a voice note saying what it is, or tap “{ menu-order-new }”.
   *[no] What has happened? For a fire, someone hurt or any danger, call 119 / 120 / 110 now. For the community's help, type or send a voice note saying what it is, or call the community office.
}
# '😭' / '🔥' from someone not registered (no community yet): every office with a phone on file
smalltalk-offices = We do not know your community yet. The community service centres' phones:
smalltalk-office-phone = { $community }: { $phone }
# other emoji sent alone ('🌸', '😂'): a friendly short answer, not 'not understood'
smalltalk-emoji = 😊 Got it. If anything needs the community's help, just type it or send a voice note.
smalltalk-who = I am Linli, the community's service assistant: an automatic program, not a person. What you tell me here goes to the community's staff; to speak to someone in person, call the community office.

# A short question how to use one feature ("how do I vote"), answered instead of being offered
# for filing (services.smalltalk.how_to). $registered: yes / no (has an address); $member: yes / no.
howto-vote = { $registered ->
        [no] To vote, first register your address: tap "{ menu-register }", it takes a minute. Then tap "{ menu-consult }": the items marked 🗳 are the open polls; open one and choose.
       *[yes] Tap "{ menu-consult }" below: the items marked 🗳 are the open polls; open one and tap your choice (for several choices, tap "{ poll-btn-submit }" when done). When a new poll opens we also send you a notice with a "{ poll-btn-vote }" button.
    }
howto-meeting = { $registered ->
        [no] To sign up for a meeting, first register your address: tap "{ menu-register }", it takes a minute. Then tap "{ menu-consult }", open a meeting marked 📅 and tap "{ meeting-btn-yes }".
       *[yes] Tap "{ menu-consult }" below, open a meeting marked 📅 to see when and where, and tap "{ meeting-btn-yes }" to sign up. When check-in opens we message everyone signed up; tap "{ meeting-btn-checkin }" there, or tap "{ meeting-btn-checkin-code }" in "{ menu-consult }" and type the code the staff show you.
    }
howto-topic = { $registered ->
        [no] To propose a topic, first register your address: tap "{ menu-register }", it takes a minute. Then tap "{ menu-consult }", then "{ consult-btn-propose }", and say in one sentence what you would like discussed.
       *[yes] Tap "{ menu-consult }" below, then "{ consult-btn-propose }", and say in one sentence what you would like discussed. Other people's topics are under "{ consult-btn-topics }", where you can tap "{ topic-btn-back }".
    }
howto-file = { $registered ->
        [no] To report a problem, first register your address: tap "{ menu-register }", it takes a minute. Then tap "{ menu-order-new }", say what and where, tap "{ order-btn-finished }" and then "{ order-btn-submit }".
       *[yes] Tap "{ menu-order-new }" below and say what the problem is and where, in words, photos or a voice note; tap "{ order-btn-finished }" and then "{ order-btn-submit }". You can also just type the problem to me.
    }
howto-follow = Tap "{ menu-order-mine }" below to see how far each matter you reported has got, and its "Open" button for the details. If one waits too long, a "{ order-btn-urge }" button appears there that reminds whoever handles it; after urging you can urge again a day later.
howto-withdraw = Tap "{ menu-order-mine }" below, then the matter's "Open" button: while the community has not taken it up yet, it has a "{ order-btn-withdraw }" button; tap it, then "{ order-btn-withdraw-yes }". A matter already being handled can no longer be withdrawn; tap "{ order-btn-add-info }" to tell them.
howto-add-info = Tap "{ menu-order-mine }" below, then the matter's "Open" button, then "{ order-btn-add-info }": you can add words, photos, a voice note or a location, and whoever handles it is told.
howto-rate = When a matter is done we send you a message asking how it went: tap "{ order-rate-satisfied }", "{ order-rate-basic }" or "{ order-rate-unsatisfied }". You can also rate it in "{ menu-order-mine }". "{ order-rate-unsatisfied }" sends it back to the community to be handled again.
howto-points = { $member ->
        [yes] Tap "{ menu-order-points }" below for your points and service hours this month and in all, and the community board. Each order shows its points; you get them once you have done it and the community has checked the result.
       *[no] Points and service hours go to registered Party members and volunteers, for the orders they complete and the community checks. To join them, tap "{ menu-become-member }"; once the community approves you, you can claim orders and earn points.
    }
howto-claim = { $member ->
        [yes] Tap "{ menu-order-open }" below and the "{ order-btn-claim }" button of one that suits you; we also tell you about new ones. Your claimed orders are in "{ menu-order-claims }"; when done, tap "{ order-btn-report-done }".
       *[no] To claim orders, first sign up as a volunteer: tap "{ menu-become-member }" and fill in the form. Once the community approves you, "{ menu-order-open }" appears in your menu, where one tap claims an order.
    }
howto-join = { $member ->
        [yes] You are already a registered Party member or volunteer, no need to sign up again. Tap "{ menu-order-open }" to claim orders and "{ menu-order-points }" for your points.
       *[no] Tap "{ menu-become-member }" below (or send /join) and give your name, work unit, phone and skills, and choose the community you serve. The community reviews it and tells you; then you can claim orders.
    }
howto-address = { $registered ->
        [no] Tap "{ menu-register }" below (or send /register) and choose your community, grid and building, then type your room number. It takes a minute.
       *[yes] Tap "{ menu-profile }" below, then "{ profile-edit-address }", and choose your community and building again and type your room. After a change, the community checks your address again.
    }
howto-phone = { $registered ->
        [no] You leave a phone number when you register your address: tap "{ menu-register }"; its last step asks for it.
       *[yes] Tap "{ menu-profile }" below, then "{ profile-edit-phone }", then "{ reg-share-phone }" or type the new number; "{ profile-phone-remove }" takes it away.
    }
howto-quiet = Quiet hours are in "{ menu-profile }": while they are on, ordinary notices at night wait until morning, urgent ones still come. Tap "{ profile-quiet-enable }" to turn them on, or "{ profile-quiet-disable }" to get notices at night too.
howto-forget = Tap "{ menu-profile }" below, then "{ profile-forget }" (or send /forget); once you confirm, your name, address, room, phone and volunteer details are deleted. Records of matters already handled stay, no longer linked to you.
howto-language = Send /lang and tap a language in the list (简体中文, 繁體中文 or English); the menu changes with it.
howto-office = { $registered ->
    [yes] Your community has not put its phone and address here yet. To tell us about something, tap "{ menu-order-new }", or ask your grid worker.
   *[no] We do not know your community yet. Tap "{ menu-register }" to register your address; then ask again and you will get its phone, address and opening hours.
}

fallback-kept-until-registered = We have noted what you told us. To report it to the community, please register your address first (it takes a minute); right after, it goes on to your request, with no need to tell us again.
fallback-kept-until-registered-staff = If it is about your own home, it is noted: register your address with the button below and it goes on to your request, with no need to say it again.
# staff typed words nothing reads (handlers.fallback._staff_not_read): what they can say
# instead (fallback-staff-ways), and a button for when it is about their own home
fallback-staff-unread = I could not tell which part of your work that is. For work, you can say these or tap the menu buttons:
# a photo, a voice note or a place sent by staff without an address here, outside any form
fallback-staff-media-unread = I could not tell which part of your work { $kind ->
    [photo] this photo is
    [voice] this voice message is
   *[place] this location is
} for. For work, you can say these or tap the menu buttons:
fallback-staff-ways =
    • “queue”: requests waiting ({ menu-order-queue })
    • “file for a resident”: for a resident who phoned or came in ({ menu-order-on-behalf })
    • “stats this week”: the figures ({ menu-order-stats })
    • “find Zhou”: look a matter up, or send its number, e.g. 00012
    • “new meeting”: meetings and polls ({ menu-consult-staff })
fallback-staff-unread-own = If it is about your own home, tap the button below: it is noted and goes on to your request once you register your address.
fallback-staff-media-own = If it is about your own home, tap the button below: the { $kind ->
    [photo] photo
    [voice] voice message
   *[place] location
} is noted and goes on to your request once you register your address. Nothing is kept unless you tap it.
# staff who also registered their home address here: the button begins their own request
fallback-staff-unread-home = If it is about your own home, tap the button below to report it to the community, as residents do.
fallback-own-matter-button = 🏠 It is about my own home
fallback-choice-own = About my own home

# a date and time as people read it, in cards, lists, notices and the time steps
# (services.when.when_args: year, month, day, weekday, time)
date-time = { $weekday ->
        [mon] Mon
        [tue] Tue
        [wed] Wed
        [thu] Thu
        [fri] Fri
        [sat] Sat
       *[sun] Sun
    } { $day } { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    }{ $year ->
        [none] {""}
       *[other] {" "}{ $year }
    }, { $time }

# call me / I can't type (handlers.call_back)
callme-answer = No need to type, any of these works:
    · Send a voice note: hold the 🎤 beside the text box, speak, and let go; the community listens to it.
    · Call the community office (below).
    · Tap "📞 Ask the community to call me" and a staff member will phone you.
smalltalk-call_me = { callme-answer }
callme-btn = 📞 Ask the community to call me
callme-register-first = To be called back, first register your address: tap "🏠 Register address", it takes a minute. You can also call the community office.
callme-ask-phone = Please leave a number we can call: tap "📱 Share my phone number" below, or type the number.
callme-phone-invalid = That does not look like a phone number. Tap "📱 Share my phone number" or type a mobile or a landline with its area code; tap "✖️ Cancel" if you no longer want a call.
callme-cancelled = All right, no call. Tell me whenever you need something, or call the community office.
callme-matter = The resident asks the community to call back (typing is hard for them).
callme-filed = The community will call you back: request { $number }. A staff member will call { $phone }; please keep your phone at hand.
callme-words-kept = I have noted what you said, "{ $words }": it goes to the community staff with your call-back request.
callme-cancelled-words = What you said, "{ $words }", was not passed on either; to report it, just tell me again.
fallback-choice-callme = Asked the community to call
callme-answer-new = No need to type: hold the 🎤 beside the text box, speak, and let go; the community listens to your voice note.
    To have the community call you, first register your address (the button below, it takes a minute), then say "call me".
