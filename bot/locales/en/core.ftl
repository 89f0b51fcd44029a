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
common-not-sure = Not sure

group-use-private = I work in a private chat only (requests, registration and meetings are all handled there). Tap the button below, or find { $bot }, to talk to me privately.
group-open-private = 💬 Chat with me privately
group-kept-go-private = Got it! Please file this in a private chat: tap the button below to talk to me privately; what you said is noted, no need to repeat it (please give your room and phone there too, not in the group).
fallback-kept-offer = What you told me in the group:
    “{ $text }”
    Shall we report it to the community? Tap the button below; you can add photos, a voice note or a location.
fallback-kept-photo = a photo
fallback-kept-joined = What you told me in the group, together with what you just said:
    “{ $text }”
    Shall we report it to the community? Tap the button below; you can add photos, a voice note or a location.

err-generic = Sorry, something went wrong and we have logged it. Please try again later, or send /start for the main menu.
err-stale-button = This button is no longer valid: that step is done, cancelled or replaced by a newer message. Use the buttons on the newest message, or the menu below; what you are filling in stays.
err-not-allowed = Sorry, you are not allowed to do that.
err-throttled = You are going a bit fast — please wait a few seconds and try again.
err-menu-not-yours = “{ $label }” is no longer on your menu (your role may have changed). Please use the buttons below; ask your community office if in doubt.
err-unknown-text = Sorry, I did not understand. Tap a button below, or send /help.
err-text-empty = This cannot be empty; please type it again.
err-text-too-long = That is too long ({ $length } characters; at most { $limit }). Please shorten it.
err-name-invalid = Please type your real name (letters only, no emoji or symbols).
err-name-too-long = That name is too long (at most { $limit } characters).
err-label-invalid = Please type plain words, without emoji or symbols.
err-room-invalid = That room number does not look right. Type something like "302", "3-502" or "2单元301".
err-room-too-long = That room number is too long (at most { $limit } characters). Type something like "302".
err-room-unknown = That is all right: the number on your door will do, e.g. "302" or "2单元301"; if you are not sure of it, the floor and side will do too, e.g. "3rd floor east".
err-phone-invalid = That number does not look right. Type an 11-digit mobile number (e.g. 139 0000 0001) or a landline with its area code (e.g. 021-12345678), or tap "📱 Share my phone number".
err-contact-not-own = You can only share your own phone number. Please tap "📱 Share my phone number".
err-consent-needed = Please agree to the personal-data notice before registering.
err-address-stale = That address option no longer exists; please choose again.
err-user-not-found = That user could not be found.
err-admin-from-settings = { $id } is an admin because LINLI_ADMIN_IDS names them, which this cannot undo: take the id out of that setting and restart the bot and the scheduler.
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
fallback-offer-request = Shall we report this to the community? Tap the button below and we will file it; you can add photos, a voice note or a location.
fallback-file-button = 📝 Report it
fallback-draft-started = All right, we have noted what you wrote. You can add more text, photos, a voice note or a location; tap "✅ Done" when finished.
fallback-draft-started-media = All right, we have kept what you sent. Please add in words or a voice note what the matter is and where; tap "✅ Done" when finished.
fallback-draft-started-voice = All right, we have kept your voice note. You can add text, photos or a location; tap "✅ Done" when finished.
smalltalk-thanks = You're welcome! We're here whenever you need us.
smalltalk-ack = All right. Tap a button below whenever you need something.
smalltalk-bye = Goodbye, and take care! We're here whenever you need us.
fallback-kept-until-registered = We have noted what you told us. To report it to the community, please register your address first (it takes a minute); right after, it goes on to your request, with no need to tell us again.

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
