## Consultations: meetings, topics, polls

menu-consult = 🗳 Meetings and polls
menu-consult-staff = 🏛 Consultations

consult-err-audience-empty = Please choose at least one grid or building.
consult-err-audience-invalid = That selection is not part of this community; please choose again.
consult-hub = <b>Meetings and polls</b>
consult-hub-empty = No meetings are planned and no poll is open right now.
consult-hub-pick = Tap a 📅 meeting below for its time and place and to sign up; tap a 🗳 poll to vote.
consult-hub-results = The 📊 ones are polls closed lately: tap one for its result.
consult-btn-topics = 💡 Topics
consult-btn-propose = ✍️ Propose a topic
consult-staff-hub = <b>Consultations</b>
    What would you like to do?
consult-btn-new-meeting = ➕ New meeting
consult-btn-new-poll = ➕ New poll
consult-btn-my-meetings = 📋 Meetings
consult-btn-my-polls = 📊 Polls
consult-btn-topic-review = 💡 Review topics
consult-btn-groups = 👥 Community groups
consult-yes = ✅ Yes
consult-no = ❌ No
consult-done = ✅ Done
# a form's question answered with its buttons: the answer under it, the buttons gone
consult-answered = ✅ { $answer }
consult-draft-saved = ✅ Draft saved (nothing sent yet); please check it below:
consult-back = ⬅️ Back
consult-cancelled = Cancelled; nothing was saved.
consult-change-cancelled = Cancelled; nothing was changed, everything is as it was.
consult-draft-edited = ✅ Changed. The draft has not been sent, so nobody is told; check it and tap “{ meeting-btn-publish }”.
consult-ask-time-format = Please type the time like "{ $example }" (local time).
consult-err-time = I could not read that time. Please type it again, for example "{ $example }", or "tomorrow 7pm", "Wed 19:30" (local time).
when-which-day = It is the small hours now: which day do you mean by "tomorrow"? Please tap one of the buttons below (or type the date and time).
when-which-day-today = { $month }-{ $day } { $time } (today, { $evening ->
        [yes] this evening
       *[no] in the daytime
    })
when-which-day-tomorrow = { $month }-{ $day } { $time }
consult-err-day-only = What time on "{ $typed }"? Please add the hour, for example "{ $example }" (local time).
consult-err-day-past = That day is already over. Please type a day and time still to come, for example "{ $example }" (local time).
consult-time-read = 🕒 Time: { date-time }
consult-held = 🌙 It is quiet hours now: { $count } of these notices will go out at { $when }.
consult-audience-community = Whole community
consult-audience-grids = Some grids
consult-audience-buildings = Some buildings
consult-audience-members = Registered members/volunteers
# a draft whose audience has nobody to tell (a building where nobody has registered): under
# its preview, and answering 📣 Publish on its card; audience: who it is for
consult-audience-nobody = ⚠️ Publishing would tell: 0 people. Nobody in { $audience } has registered with the bot as a { $members ->
        [true] member or volunteer
       *[other] resident
    } yet, so nobody would get it.
    Tap "👥 Change audience" to choose others, or "📣 Publish anyway" if you do want to publish it.
consult-btn-publish-anyway = 📣 Publish anyway
consult-btn-change-audience = 👥 Change audience
consult-audience-changed = ✅ The audience is now: { $audience }. Please check it once more:
consult-ask-audience = Who is it for?
consult-ask-audience-pick = Choose one or more, then tap "✅ Done":
consult-no-community = You are not assigned to any community, so you cannot publish.

## Meetings
meeting-kind-residents = Residents' council
meeting-kind-party_masses = Party and residents' council
meeting-kind-estate = Estate affairs meeting
meeting-kind-hearing = Public hearing
meeting-kind-building_night = Building evening talk
meeting-kind-other = Other meeting
meeting-status-draft = draft
meeting-status-published = published
meeting-status-checkin = published, check-in open
meeting-status-running = in progress
meeting-status-ended = over, minutes to come
meeting-status-cancelled = cancelled
meeting-status-minuted = minutes published

meeting-err-not-found = That meeting cannot be found.
meeting-err-title = The title can have at most { $limit } characters.
meeting-err-agenda-too-long = The agenda is too long ({ $length } characters, at most { $limit }). Please keep to the main points.
meeting-err-agenda-count = The agenda can have at most { $limit } items.
meeting-err-agenda-empty = Please write at least one agenda item.
meeting-err-start-past = That time has already passed; please give a future time.
meeting-err-too-far = That is too far ahead; meetings can be planned at most { $days } days in advance. Note: a date without a year that has already passed this year is read as next year's; please give a future time.
meeting-err-duration = The meeting must last between { $low } and { $high } minutes.
meeting-err-where = Please give a place or an online meeting link.
meeting-err-link = A meeting link must start with https://.
meeting-err-capacity = The capacity must be between 1 and { $high }; tap "No limit" for none.
meeting-err-not-draft = This meeting has already been published.
meeting-err-cancelled = This meeting was cancelled; you cannot sign up.
meeting-err-over = This meeting is over.
meeting-err-over-staff = This meeting is over, so it can no longer be changed or postponed. Next, tap "📝 Publish minutes" on its card; to meet again, create a new meeting.
meeting-err-staff-cancelled = This meeting has been cancelled; it can no longer be changed, postponed, published or minuted.
meeting-err-postpone-draft = This meeting is not published yet; use "Edit" to change its time.
meeting-err-postpone-earlier = A postponed meeting starts later than planned. To hold it earlier, tap "✏️ Edit" on the meeting's card and change the time.
meeting-err-not-audience = This meeting is not for your area, so you cannot sign up.
meeting-err-checkin-cancelled = This meeting was cancelled; there is nothing to check in to.
# before check-in opens ($when: the start, $opens: the clock time check-in opens)
meeting-err-checkin-window = Check-in has not opened yet: { $title } starts { $when }; check-in opens at { $opens } ({ $before } minutes before the start).
meeting-err-code = That check-in code is wrong; please check the code shown by staff. { $left ->
        [one] 1 more try.
       *[other] { $left } more tries.
    }
meeting-err-code-format = The check-in code has { $length } digits{ $typed ->
        [0] ; type the digits staff show, e.g. 123456.
       *[other] ; you typed { $typed }. Please check the code staff show and type all { $length } digits.
    }
meeting-err-code-locked = A wrong check-in code was typed { $tries } times, so for safety please try again in { $minutes } minutes. Staff in the room can help you check the code; if you signed up, the message sent when check-in opened has a "📍 Check in" button you can tap instead.
meeting-err-not-published = The meeting is not published, or it was cancelled.
meeting-err-minutes-early = Minutes can be published once the meeting has started.
meeting-err-minuted = The minutes have already been published.
meeting-err-minuted-first = { $by ->
        [self] You have already published the minutes of this meeting; these were not sent again, so everyone gets them once.
        [colleague] { $name } has already published the minutes of this meeting; yours were not sent, so everyone gets one set of minutes.
       *[unknown] The minutes of this meeting have already been published; yours were not sent, so everyone gets one set of minutes.
    }
meeting-err-decisions = At most { $limit } decisions, each at most { $length } characters.
meeting-err-minutes-total = The minutes and decisions go out in one message: at most { $limit } characters together, and they are { $length } now. Please send shorter decisions, or tap “Skip”.
meeting-err-no-change = Nothing was changed.
meeting-err-no-orders = Orders are not available yet, so a decision cannot become an order.
meeting-err-decision-done = This decision is already order { $ref }.
meeting-err-decision-not-found = That decision cannot be found.

meeting-card = <b>{ $kind ->
        [residents] { meeting-kind-residents }
        [party_masses] { meeting-kind-party_masses }
        [estate] { meeting-kind-estate }
        [hearing] { meeting-kind-hearing }
        [building_night] { meeting-kind-building_night }
       *[other] { meeting-kind-other }
    }: { $title }</b>
    🕒 { $when } (about { $duration } minutes)
    { $place ->
        [none] {""}
       *[other] 📍 { $place }
    }
    { $link ->
        [none] {""}
       *[other] 💻 { $link }
    }
    👥 For: { $audience_kind ->
        [grids] { $audience_names }
        [buildings] { $audience_names }
        [members] registered members/volunteers
       *[community] the whole community
    }
    { $capacity ->
        [0] Places: no limit
       *[other] Places: { $capacity }
    }
    <b>Agenda</b>
    { $agenda }
# a public notice in the community's group (no agenda, no link, no names): what, when, where,
# and the button that opens the private chat at it
meeting-group-notice = 📣 <b>Meeting notice</b>
    <b>{ $kind ->
        [residents] { meeting-kind-residents }
        [party_masses] { meeting-kind-party_masses }
        [estate] { meeting-kind-estate }
        [hearing] { meeting-kind-hearing }
        [building_night] { meeting-kind-building_night }
       *[other] { meeting-kind-other }
    }: { $title }</b>
    🕒 { $when }
    { $place ->
        [none] {""}
       *[other] 📍 { $place }
    }
    All residents of the community are welcome. { $link ->
        [yes] Tap the button below for the agenda and to sign up, in a private chat with me.
       *[other] See the agenda and sign up in a private chat with me, under "{ menu-consult }".
    }
poll-group-notice = 🗳 <b>Poll</b>
    { $question }
    ⏰ closes { $closes }
    { $link ->
        [yes] Tap the button below to vote in a private chat with me (votes are never posted in the group).
       *[other] Vote in a private chat with me, under "{ menu-consult }" (votes are never posted in the group).
    }
meeting-group-notice-cancelled = 📣 <b>Meeting cancelled</b>
    <s>{ $kind ->
        [residents] { meeting-kind-residents }
        [party_masses] { meeting-kind-party_masses }
        [estate] { meeting-kind-estate }
        [hearing] { meeting-kind-hearing }
        [building_night] { meeting-kind-building_night }
       *[other] { meeting-kind-other }
    }: { $title }</s>
    🕒 was to be { $when }
    This meeting has been cancelled; there is nothing to sign up for.
meeting-group-notice-held = 📣 <b>Meeting held</b>
    { $kind ->
        [residents] { meeting-kind-residents }
        [party_masses] { meeting-kind-party_masses }
        [estate] { meeting-kind-estate }
        [hearing] { meeting-kind-hearing }
        [building_night] { meeting-kind-building_night }
       *[other] { meeting-kind-other }
    }: { $title }
    🕒 { $when }
    { $minuted ->
        [yes] This meeting has taken place. Its minutes and decisions were sent to residents in their private chat with me.
       *[other] This meeting has taken place; there is nothing to sign up for. Its minutes will be sent to residents in their private chat with me.
    }
poll-group-notice-closed = 🗳 <b>Poll closed</b>
    { $question }
    { $result ->
        [none] The result has been sent privately to the residents it was for.
       *[other] { $result }
    }
poll-group-notice-cancelled = 🗳 <b>Poll withdrawn</b>
    <s>{ $question }</s>
    This poll has been withdrawn; there is nothing to vote on.
# the one-line conclusion of a closed poll under its notice in the group
poll-group-outcome = { $passed ->
        [true] Outcome: ✅ passed ({ $winner })
        [false] Outcome: ❌ not passed
       *[none] { $outcome ->
            [winner] Outcome: most votes: { $winner }
            [tie] Outcome: a tie ({ $tied })
           *[none] Outcome: no votes
        }
    }
# the private-chat link of a group's notice, followed before registering: kind m (meeting) or p (poll)
public-link-register-first = { $kind ->
        [m] To sign up for this meeting, please register your address first (it takes a minute). Once you have, I will show you the meeting.
       *[p] To vote in this poll, please register your address first (it takes a minute). Once you have, I will show you the poll.
    }
public-link-after-reg-gone = { $kind ->
        [m] The meeting you opened before registering has been cancelled or is over, or is not for the address you registered.
       *[p] The poll you opened before registering has closed, or is not for the address you registered.
    }
public-btn-meeting = 💬 Sign up privately
public-btn-poll = 💬 Vote privately
meeting-announce = 📣 <b>Meeting notice</b>
    <b>{ $kind ->
        [residents] { meeting-kind-residents }
        [party_masses] { meeting-kind-party_masses }
        [estate] { meeting-kind-estate }
        [hearing] { meeting-kind-hearing }
        [building_night] { meeting-kind-building_night }
       *[other] { meeting-kind-other }
    }: { $title }</b>
    🕒 { $when } (about { $duration } minutes)
    { $place ->
        [none] {""}
       *[other] 📍 { $place }
    }
    { $link ->
        [none] {""}
       *[other] 💻 { $link }
    }
    👥 For: { $audience_kind ->
        [grids] { $audience_names }
        [buildings] { $audience_names }
        [members] registered members/volunteers
       *[community] the whole community
    }
    { $capacity ->
        [0] Places: no limit
       *[other] Places: { $capacity }
    }
    <b>Agenda</b>
    { $agenda }
    { $open ->
        [no] {""}
       *[yes] Please tell us below whether you will come.
    }
meeting-btn-yes = Going
meeting-btn-maybe = Not sure
meeting-btn-no = Not going
meeting-btn-chosen = ✅ { $label }
meeting-btn-chosen-waitlist = ⏳ No. { $position } on the waiting list
meeting-btn-checkin = 📍 Check in
# $open: no once the meeting was cancelled (the answer is redrawn): nothing to do or wait for
meeting-rsvp-going = You are signed up: { $title }.
    🕒 { $when }
    📍 { $where }
    { $open ->
        [no] {""}
       *[yes] We will remind you before it starts.
    }
meeting-rsvp-going-soon = You are signed up: { $title }. It starts very soon: 🕒 { $when }, 📍 { $where }. Please be on time.
meeting-rsvp-waitlist = { $title } is full; you are number { $position } on the waiting list.{ $open ->
        [no] {""}
       *[yes] {" "}We will tell you if a place frees up.
    }
meeting-rsvp-maybe = Noted as "not sure": { $title }.{ $open ->
        [no] {""}
       *[yes] {" "}You can change it at any time.
    }
meeting-rsvp-no = Noted as "not going": { $title }.{ $open ->
        [no] {""}
       *[yes] {" "}You can sign up again if you change your mind.
    }
meeting-rsvp-replaced = (Your earlier answer, since changed: the latest one below is what counts.)
meeting-typed-rsvp = Do you mean { $answer ->
        [yes] you are going to
        [maybe] you are not sure about
       *[no] you are not going to
    } "{ $title }"?
    🕒 { $when }
    📍 { $where }
    { $open ->
        [no] {""}
       *[yes] Tap the button below, or reply "yes", and it is recorded:
    }
meeting-btn-typed-rsvp = ✅ { $answer ->
        [yes] Going
        [maybe] Not sure
       *[no] Not going
    }
meeting-btn-typed-rsvp-view = 📅 Open the meeting
meeting-typed-rsvp-same = You have already answered "{ $title }": { $status }. To change it, open the meeting below.
meeting-typed-rsvp-declined = All right, nothing recorded. To answer later, open the meeting under "{ menu-consult }".
meeting-typed-rsvp-which = There are several meetings coming up: which one do you mean? Open it, then tap "Going", "Not sure" or "Not going":
meeting-typed-rsvp-company = Each person signs up for themselves, so your answer counts for you alone. If { $who ->
        [none] the others coming with you
       *[other] your { $who }
    } would like to come too, they can open Linli on their own phone, register their address, open this meeting under "{ menu-consult }" and tap "{ meeting-btn-yes }". Without a phone, just tell the community staff.
meeting-promoted = 🎉 A place is free, so you moved up from the waiting list: { $title } ({ $when }).
meeting-reminder = ⏰ Reminder: { $title } starts at { $when }.
    📍 { $where }
meeting-changed = ✏️ A meeting has changed: { $title }
    { $new_title ->
        [none] {""}
       *[other] New title: { $new_title }
    }
    { $new_time ->
        [none] {""}
       *[other] New time: { $new_time }
    }
    { $new_place ->
        [none] {""}
       *[other] 📍 New place: { $new_place }
    }
    { $new_link ->
        [none] {""}
       *[other] 💻 New online link: { $new_link }
    }
    { $new_capacity ->
        [none] {""}
        [0] Places: no limit now
       *[other] New capacity: { $new_capacity }
    }
    { $new_agenda ->
        [none] {""}
       *[other] The agenda changed:
    }
    { $new_agenda ->
        [none] {""}
       *[other] { $new_agenda }
    }
meeting-postponed = ⏳ Meeting postponed: { $title }
    New time: { $when }
    Reason: { $reason }
meeting-cancelled-notice = ❌ Meeting cancelled: { $title } (was { $when })
    Reason: { $reason }
# $open: no once the meeting was cancelled, moved once its time changed (postponed) while
# check-in was open ($when: the new start; $before: minutes): redrawn without its button
meeting-checkin-open = { $open ->
        [no] 📍 There is no check-in for { $title } any more.
        [moved] 📍 { $title } now starts { $when }, so check-in here has stopped; it opens again { $before } minutes before the start.
       *[yes] 📍 Check-in for { $title } is open; tap below when you arrive.
    }
meeting-checked-in = ✅ Checked in: { $title }
meeting-checked-in-already = You have already checked in.
meeting-minutes-notice = 📝 <b>Minutes: { $title }</b> ({ $when })
    { $minutes }
    <b>Decisions</b>
    { $decisions ->
        [none] { meeting-no-decisions }
       *[other] { $decisions }
    }
    { $attended ->
        [0] {""}
       *[other] 📍 { $attended } checked in with the bot.
    }
meeting-no-decisions = (none)
meeting-list-title = <b>Upcoming meetings</b>
meeting-list-empty = No meetings are planned.
meeting-list-item = { $when } · { $title } ({ $status })
# a card or sign-up answer of a meeting, redrawn once it was cancelled
meeting-now-cancelled = ❌ This meeting has been cancelled. Reason: { $reason }
# under a notice of an earlier change (延期, 修改) once the meeting changed again
meeting-now-since = ℹ️ Changed again since: now 🕒 { $when } 📍 { $where }
# under a notice of the person's place (moved up from the waitlist, moved to it) once it or
# the meeting changed
meeting-now-place = ℹ️ Changed again since: now 🕒 { $when } 📍 { $where }, your answer: { $status }
meeting-my-status = Your answer: { $status }
meeting-rsvp-status-going = going
meeting-rsvp-status-waitlist = waiting list
meeting-rsvp-status-waitlist-at = number { $position } on the waiting list
meeting-rsvp-status-maybe = not sure
meeting-rsvp-status-no = not going
meeting-rsvp-status-none = no answer yet

meeting-staff-card = <b>{ $kind ->
        [residents] { meeting-kind-residents }
        [party_masses] { meeting-kind-party_masses }
        [estate] { meeting-kind-estate }
        [hearing] { meeting-kind-hearing }
        [building_night] { meeting-kind-building_night }
       *[other] { meeting-kind-other }
    }: { $title }</b>
    🕒 { $when } (about { $duration } minutes)
    { $place ->
        [none] {""}
       *[other] 📍 { $place }
    }
    { $link ->
        [none] {""}
       *[other] 💻 { $link }
    }
    👥 For: { $audience_kind ->
        [grids] { $audience_names }
        [buildings] { $audience_names }
        [members] registered members/volunteers
       *[community] the whole community
    }
    { $capacity ->
        [0] Places: no limit
       *[other] Places: { $capacity }
    }
    <b>Agenda</b>
    { $agenda }
    Status: { $status } · check-in code: <code>{ $code }</code>
    Going { $going } · waiting { $waitlist } · not sure { $maybe } · not going { $no } · checked in { $checked }
meeting-attendees = <b>Sign-ups: { $title }</b>
    { $lines }
meeting-attendees-empty = Nobody has signed up yet.
meeting-btn-publish = 📣 Publish
meeting-btn-edit = ✏️ Edit
meeting-btn-postpone = ⏳ Postpone
meeting-btn-cancel = ❌ Cancel meeting
meeting-btn-attendees = 👥 List
meeting-btn-minutes = 📝 Publish minutes
meeting-btn-to-order = 🧾 Make an order
meeting-btn-open = Open
meeting-new-kind = New meeting. Choose the kind of meeting:
meeting-kind-again = Back at the first step, the kind of meeting (it was “{ $kind }”). What you entered is kept; choose a kind to go on.
meeting-title-before-kind = Got it: the title is “{ $title }”. Now choose the kind of meeting below:
meeting-kind-typed = Kind of meeting: { $kind }
consult-said-taken = Noted: { $items }
consult-said-part = { $said } (the exact time is asked at its step)
consult-said-later = “{ $typed }” can't be used as it is: it is asked at its step.
consult-said-rest = These words fit no step and were not filled in (put them in the agenda if needed): “{ $rest }”
meeting-ask-title = Type the meeting title (at most 100 characters):
meeting-ask-agenda = Type the agenda, one item per line (at most 20 items, 2000 characters in all):
meeting-ask-time-part = You said “{ $said }”: what time exactly? Tap the button for { $at }, or type another time, such as "3:00" or "15:30" (local time).
meeting-btn-part-at = 🕑 { $at }
meeting-ask-time-part-over = You said “{ $said }”, and it is getting late for that: please type the day and time, e.g. "tomorrow 3pm" (local time).
meeting-ask-time = When does it start? For example "{ $example }" or "next Wed 7:30pm":
meeting-ask-duration = About how long will it last? Tap a button below, or type it, e.g. "45 minutes" or "an hour and a half":
meeting-duration-minutes = { $minutes } min
meeting-err-duration-typed = Please tap a button above for how long it lasts, or type it, e.g. "90 minutes" or "2 hours". To change the time, just type the new time.
meeting-ask-place = Type the place; for an online meeting send the link (https://…):
meeting-ask-capacity = How many people at most? Type a number, or tap "No limit".
meeting-btn-unlimited = No limit
meeting-preview = { $published ->
        [none] <b>Preview</b> (not sent yet)
       *[other] ✅ <b>Published</b> ({ $published })
    }
    <b>{ $kind ->
        [residents] { meeting-kind-residents }
        [party_masses] { meeting-kind-party_masses }
        [estate] { meeting-kind-estate }
        [hearing] { meeting-kind-hearing }
        [building_night] { meeting-kind-building_night }
       *[other] { meeting-kind-other }
    }: { $title }</b>
    🕒 { $when } (about { $duration } minutes)
    { $place ->
        [none] {""}
       *[other] 📍 { $place }
    }
    { $link ->
        [none] {""}
       *[other] 💻 { $link }
    }
    👥 For: { $audience_kind ->
        [grids] { $audience_names }
        [buildings] { $audience_names }
        [members] registered members/volunteers
       *[community] the whole community
    }
    { $capacity ->
        [0] Places: no limit
       *[other] Places: { $capacity }
    }
    <b>Agenda</b>
    { $agenda }
    { $published ->
        [none] Tap "📣 Publish" when it is right.
       *[other] {""}
    }
meeting-published = ✅ Published; { $count ->
        [one] notifying 1 person
       *[other] notifying { $count } people
    }. Check-in code: <code>{ $code }</code>
meeting-edit-what = What do you want to change?
meeting-edit-field-title = Title
meeting-edit-field-agenda = Agenda
meeting-edit-field-time = Time
meeting-edit-field-place = Place/link
meeting-edit-field-capacity = Capacity
meeting-edit-ask-value = It is now: { $current }
    Type the new value:
meeting-capacity-none = no limit
meeting-capacity-typed = { $capacity } people
meeting-edited = ✅ Changed; { $count ->
        [one] notifying 1 signed-up resident
       *[other] notifying { $count } signed-up residents
    }.
meeting-capacity-over = ⚠️ { $going } people have already signed up, { $over } more than the new limit of { $capacity }. Nothing has changed yet; please choose:
    · Keep everyone: the limit becomes { $capacity }, all { $going } who signed up can come; new sign-ups join the waitlist until the number going falls below the limit.
    · Move the last { $over } to the waitlist: in sign-up order they go to the head of the waitlist and are told; they move up as others drop out.
    · Don't change it: the capacity stays as it is.
    Or type a number of at least { $going }.
meeting-btn-capacity-keep = Keep all { $going }, limit { $capacity }
meeting-btn-capacity-cancel = Don't change it
meeting-btn-capacity-waitlist = Move the last { $over } to the waitlist
# none moved: those over the capacity had all checked in (or dropped out meanwhile)
meeting-capacity-moved = { $count ->
        [0] Nobody had to move to the waitlist (those who have checked in stay); new sign-ups join the waitlist until the number going falls below the limit.
       *[other] The last { $count } to sign up are now on the waitlist and are being told; they move up in sign-up order as others drop out.
    }
meeting-moved-to-waitlist = ℹ️ { $title } ({ $when }) now takes at most { $capacity } people. You signed up later than others, so you are now number { $position } on the waitlist; we will tell you as soon as a place frees up.
meeting-capacity-kept = Everyone who signed up stays; new sign-ups join the waitlist until the number going falls below the limit.
meeting-capacity-unchanged = OK, the capacity was not changed.
meeting-ask-postpone-time = Type the new start time, for example "{ $example }":
meeting-ask-reason = Briefly, why?
meeting-postponed-done = ✅ Postponed; { $count ->
        [one] notifying 1 person
       *[other] notifying { $count } people
    }.
meeting-cancel-done = ✅ Meeting cancelled; { $count ->
        [one] notifying 1 person
       *[other] notifying { $count } people
    }.
meeting-draft-cancelled = ✅ Draft deleted; the meeting was never published, so nobody is told.
meeting-ask-minutes = Type the minutes (at most 3000 characters):
meeting-ask-decisions = Type the decisions, one per line; tap "Skip" if there are none:
meeting-minutes-done = ✅ Minutes published; { $count ->
        [one] sending them to 1 invited resident
       *[other] sending them to { $count } invited residents
    }.
meeting-minutes-preview = 👀 Preview: the minutes and decisions below will go to { $count } invited residents; nothing has been sent yet. Check them, then tap "✅ Send".
meeting-btn-minutes-send = ✅ Send
meeting-btn-minutes-redo = ✏️ Edit minutes
meeting-btn-decisions-redo = ✏️ Edit decisions
meeting-btn-minutes-drop = ✖️ Cancel, don't send
meeting-minutes-use-buttons = The minutes have not been sent. Tap "✅ Send" under the preview, or "✏️ Edit minutes", "✏️ Edit decisions", "✖️ Cancel, don't send".
meeting-ask-minutes-again = The minutes now:
    { $current }
    Type the corrected minutes (at most 3,000 characters); the decisions stay:
meeting-ask-decisions-again = The decisions now:
    { $current }
    Type the corrected decisions, one per line; tap "Skip" for none:
meeting-minutes-dropped = Cancelled: the minutes were not sent or saved. Tap "📝 Publish minutes" on the meeting's card when you are ready.
meeting-decision-line = { $n }. { $text }
meeting-decision-order = { $n }. { $text } → order { $ref }
meeting-order-preview = <b>🧾 Decision → order — please check</b>
    Decision: { $decision }
    Order title: { $title }
    Place: { $place }
    Category (suggested): { $category }
    On confirming, a request and an order are created (points and people needed follow the category; you can adjust them on the order).
meeting-btn-order-create = ✅ Create the order
meeting-btn-order-title = ✏️ Change the title
meeting-order-ask-title = The title now: { $current }
    Type the new order title (up to 60 characters):
meeting-order-title-saved = ✅ Title changed; please check again:
meeting-err-order-title = The title cannot be empty; please type it again.
meeting-to-order-done = ✅ Order { $ref } was created from the decision.
meeting-ask-code = Type the 6-digit check-in code shown by staff:
meeting-btn-checkin-code = 🔢 Enter check-in code

## Topics
topic-status-open = collecting support
topic-status-accepted = on an agenda
topic-status-answered = answered
topic-err-not-found = That topic cannot be found.
topic-err-title = A topic title can have at most { $limit } characters.
topic-err-detail = The explanation can have at most { $limit } characters.
topic-err-already-backed = You have already backed this topic; each person backs a topic once. To take it back, tap "↩️ Withdraw backing".
topic-err-not-backed = You do not back this topic now (perhaps you already withdrew).
topic-err-own = This is your own topic; no need to back it.
topic-err-closed = This topic has already been dealt with.
topic-err-closed-unback = This topic has already been dealt with, so backing it can no longer change. Thank you for caring!
topic-err-meeting = A topic can only go on an upcoming meeting of this community.
topic-err-limit = You have proposed { $limit } topics today; please propose more tomorrow.
topic-ask-title = In one sentence, what would you like discussed? (at most 100 characters)
topic-typed-ask-detail =
    Topic: "{ $title }"
    Add a few words of explanation, or tap "Skip" to propose it as it is:
topic-ask-detail = Add a few words of explanation (as long as one message takes), or tap "Skip":
topic-title-too-long-kept = Thank you for the detail: it is kept as the topic's explanation, no need to type it again. Now sum it up in one sentence (at most { $limit } characters), e.g. "The street light at the east gate is broken":
topic-proposed = ✅ Topic submitted: { $title }. Others can back it; staff will look at it soon.
topic-typed-backed = 👍 You back "{ $title }"; { $backers ->
    [one] 1 person backs it now
   *[other] { $backers } people back it now
}. If you change your mind, tap "{ topic-btn-unback }" under "{ consult-btn-topics }".
topic-typed-already = You already back "{ $title }"; backing once is enough.
topic-typed-which = Which topic do you mean? Tap "{ topic-btn-back }" under the one you back:
# a topic named in words ('I back the road topic') that no open topic is about; count: the
# open topics listed under it, each with its Back button
topic-typed-none = No topic about "{ $named }" was found. { $count ->
        [0] No topics are open for backing now. To have people discuss it, tap "{ consult-btn-propose }" and raise it.
       *[other] The topics open now are below: tap "{ topic-btn-back }" under the one you back; if it is none of them, tap "{ consult-btn-propose }" and raise it.
    }
topic-typed-own = "{ $title }" is your own topic; the person who raised it does not need to back it. Tap "{ consult-btn-topics }" to see how many back it.
topic-list-title = <b>Topics</b> (most backed first)
topic-list-empty = No topics yet. Tap "✍️ Propose a topic" to add one.
topic-decided-title = <b>Topics decided lately</b>
topic-decided-answered = • "{ $title }" was answered: { $answer }
topic-decided-accepted = • "{ $title }" is on the agenda of "{ $meeting }" ({ $when })
topic-detail-cut = … (a long explanation: the whole of it is in the message above)
topic-detail-whole = The whole explanation of the topic <b>{ $title }</b>:
    { $detail }
topic-item = <b>{ $title }</b> ({ $backers ->
        [one] 1 backer
       *[other] { $backers } backers
    } · { $status })
    { $detail }
topic-staff-item = <b>{ $title }</b> ({ $backers ->
        [one] 1 backer
       *[other] { $backers } backers
    } · { $status })
    Proposed by { $name }{ $has_address ->
        [yes] {" "}({ $address })
       *[no] {""}
    } · { $when }
    { $has_detail ->
        [yes] Explanation: { $detail }
       *[no] Explanation: (none given)
    }
topic-btn-back = 👍 Back it
topic-btn-unback = ↩️ Withdraw backing
topic-btn-accept = ✅ Put on an agenda
topic-btn-answer = 💬 Answer
topic-backed = 👍 Backed; { $backers ->
    [one] 1 person backs it now.
   *[other] { $backers } people back it now.
} Changed your mind? Tap "↩️ Withdraw backing".
topic-unbacked = ↩️ Backing withdrawn; { $backers ->
    [one] 1 person backs it now.
   *[other] { $backers } people back it now.
}
topic-accepted-notice = 🎉 Your topic "{ $title }" is on the agenda of { $meeting } ({ $when }).
    { topic-accepted-next }
topic-answered-notice = 💬 Your topic "{ $title }" has an answer:
    { $answer }
topic-accepted-backer = 🎉 A topic you backed, "{ $title }", is on the agenda of { $meeting } ({ $when }).
    { topic-accepted-next }
topic-accepted-next = { $next ->
        [published] Tap "📅 Meeting and sign-up" below for the time and place and to sign up; at the meeting you can say what you think in person.
        [draft] The meeting is still being prepared: when it is announced you will get the invitation (time and place) and can sign up then.
        [going] You have signed up for this meeting; at the meeting you can say what you think in person.
        [waitlist] You are on this meeting's waiting list; we will tell you at once when a seat is free.
       *[elsewhere] This meeting is not for your area; staff will raise the topic there.
    }
topic-btn-meeting = 📅 Meeting and sign-up
topic-btn-meeting-view = 📅 The meeting
topic-answered-backer = 💬 A topic you backed, "{ $title }", has an answer:
    { $answer }
topic-new-staff = 💡 New topic: "{ $title }" (proposed by { $name }).
    { $has_detail ->
        [yes] Explanation: { $detail }
       *[no] Explanation: (none given)
    }
    Put it on an agenda or answer it under "🏛 Consultations → 💡 Review topics".
topic-choose-meeting = Which meeting should it go on? Or create a meeting, or put the topic to a vote:
topic-no-meetings = No meeting is coming up to put it on. Create one, and the topic goes on its agenda; or put the topic to a vote:
topic-btn-new-meeting = ➕ New meeting with this topic
topic-btn-new-poll = 🗳 Put it to a vote
topic-new-poll = A poll on the topic "{ $title }" (its proposer and backers are told when the draft is saved).
topic-poll-done = ✅ The proposer and the backers were told: the topic goes to a vote.
topic-err-poll = That poll is not of the topic's community, or it is over: it cannot take up the topic.
topic-status-polled = put to a vote
topic-decided-polled = • "{ $title }" was put to a vote: { $question }
topic-polled-notice = 🗳 The topic you raised, "{ $title }", goes to a vote: { $answer }
    { topic-polled-next }
topic-polled-backer = 🗳 The topic you backed, "{ $title }", goes to a vote: { $answer }
    { topic-polled-next }
topic-polled-next = When the poll is sent out, the residents it is for are told and can vote.
topic-poll-withdrawn-notice = 🗳 The poll planned on the topic you proposed, "{ $title }" ({ $answer }), has been called off and will not be sent. The topic is open again; the community will decide what comes next.
topic-poll-withdrawn-backer = 🗳 The poll planned on the topic you backed, "{ $title }" ({ $answer }), has been called off and will not be sent. The topic is open again; the community will decide what comes next.
topic-new-meeting-kind = New meeting; the topic "{ $title }" goes on its agenda (added when the draft is saved, and its proposer and backers are told). Choose the kind of meeting:
topic-ask-answer = Type the answer:
topic-accept-done = ✅ Put on the agenda; the proposer was told.
topic-answer-done = ✅ Answered; the proposer was told.

## Polls
poll-err-not-found = That poll cannot be found.
poll-err-share = I could not read that share. Write it like "2/3", "75%" or "majority".
poll-err-option-count = A poll needs { $low } to { $high } options: one per line, or on one line parted by commas, e.g. "Yes, No, Abstain".
poll-err-option-duplicate = Two options are the same; please change one.
poll-err-none-chosen = Nothing is chosen yet: tap the options you want first, then “✅ Submit”.
poll-err-option-bad = The option “{ $option }” has an emoji or a special character; please use words only and type all the options again (one a line).
poll-err-option-long = The option “{ $option }” is too long (at most { $limit } characters); please type all the options again (one a line).
poll-err-close-past = That closing time has already passed; please give a future time.
poll-err-close-before-open = The closing time must be after the opening time.
poll-err-too-long = A poll can stay open for at most { $days } days. Note: a date without a year that has already passed this year is read as next year's; please give a closing time within { $days } days.
poll-err-max-choices = The maximum number of choices must be between 1 and { $high }.
poll-err-household-members = A poll for members/volunteers cannot be one vote per household.
poll-err-not-draft = This poll has already been published.
poll-err-edit-published = This poll has been published and can no longer be changed: everyone should see what was sent.
poll-err-edit-cancelled = This poll was cancelled and can no longer be changed.
poll-err-no-change = That is the same as before, so nothing was changed. Type the new wording, or tap “{ common-cancel }” to leave it.
poll-err-not-open = This poll is not open.
poll-err-cancelled = This poll was cancelled; the votes cast no longer count.
poll-err-not-yet = The poll has not opened yet; please come back when it opens.
poll-err-closed = The poll has closed; votes are no longer accepted.
poll-err-need-register = Please register your address first to vote.
poll-err-not-audience = This poll is not for your area, so you cannot vote.
poll-err-results-not-yours = The results of this poll are only shown to the people it is for and to the community's staff.
poll-err-proxy-not-audience = This resident is not among the people this poll is for, so you cannot vote for them.
poll-err-proxy-not-verified = This resident's address is not verified yet; this poll is for verified residents only.
poll-err-proxy-building = Please choose one of the buildings in the list (the poll's area).
poll-err-proxy-members = This poll is for members; proxy votes by building are not possible.
poll-err-proxy-no-buildings = None of this poll's buildings is in your grid, so you cannot record proxy votes in it.
poll-err-not-verified = Only residents whose address was verified can vote in this poll. Ask your grid worker to verify it.
poll-err-bad-option = That option is not valid; please open the poll again and choose.
poll-err-one-choice = This poll allows one choice only.
poll-err-too-many = You can choose at most { $max } options.
poll-err-already-voted = You have already voted, and this poll does not allow changing the vote.
poll-err-household-voted = Someone in your household (same room) has already voted; this poll is one vote per household.
poll-err-try-again = Your vote clashed with another change; please tap once more.
poll-err-proxy-self = You cannot record a proxy vote for yourself.
poll-err-proxy-voted-self = { $name } has already voted in person; a proxy vote does not change their own choice.
poll-err-proxy-household-voted = Someone in { $name }'s household (same room) has already voted; this poll is one vote per household, so no proxy vote can be added.
poll-err-no-resident = No resident is registered at that address.

poll-announce = 🗳 <b>Poll: { $question }</b>
    Closes: { $closes }
    Tap below to vote.
poll-btn-vote = 🗳 Vote
poll-btn-submit = ✅ Submit
# a choice typed where the ballot's buttons were meant (offer_typed_choice)
poll-typed-choice = Do you want to vote "{ $choice }" in "{ $question }"? Tap the button below, or reply "yes", and it is cast:
poll-typed-change = Your vote in "{ $question }" is "{ $current }" now: change it to "{ $choice }"? Tap the button below, or reply "yes", and it is changed:
poll-typed-choice-which = Several polls are open: which one do you mean? Open it below and choose:
poll-typed-choice-which-item = • "{ $choice }" in "{ $question }"
poll-typed-choice-declined = All right, no vote cast. To vote later, tap "{ poll-btn-open-ballot }" above, or find the poll under "{ menu-consult }".
poll-typed-choice-multiple = "{ $question }" takes several choices: open the ballot, tick "{ $choice }" and any others, then submit.
poll-typed-choice-same = Your vote in "{ $question }" is "{ $choice }" already; it is counted, nothing more to do.
poll-btn-vote-for = ✅ Vote "{ $choice }"
poll-btn-open-ballot = 🗳 Open the ballot
poll-btn-change = 🔁 Change my vote
poll-btn-results = 📊 Results
poll-ballot = 🗳 <b>{ $question }</b>
    { $rules }
    Closes: { $closes }
poll-rule-single = One choice: tap an option.
poll-rule-multi = Up to { $max } choices; tap "✅ Submit" when done.
poll-rule-household = One vote per household (same room).
poll-rule-anonymous = Anonymous: nobody sees what you chose.
poll-rule-named = Named vote.
poll-rule-quorum = Valid only if { $strict ->
        [true] more than { $quorum }
       *[other] { $quorum }
    } of the { $basis ->
        [households] households
        [per-household] households
       *[voters] voters
    } take part{ $basis ->
        [per-household] {" "}(one vote per household, so households are counted)
       *[other] {""}
    }.
poll-rule-threshold = Passes with { $strict ->
        [true] more than { $threshold }
       *[other] { $threshold }
    } of the votes in favour.
poll-rule-change = You can change your vote until it closes.
poll-voted = ✅ Voted: { $choice }
poll-vote-changed = 🔁 Vote changed: { $choice }
poll-your-vote = Your choice: { $choice }
poll-your-vote-proxy = ✍️ This vote was recorded for you by { $name } (community staff) on { $when }: { $choice }
poll-ballot-cast = 🗳 <b>{ $question }</b>
    Your choice: { $choice }
    { $change ->
        [true] To change your vote before it closes, tap this poll again under "{ menu-consult }".
       *[other] A vote in this poll cannot be changed.
    }
    Closes: { $closes }
# one's own ballot tapped after the poll closed (its options gone)
poll-ballot-closed = 🗳 <b>{ $question }</b>
    ⏹ The poll has closed; { $had ->
        [same] your vote was recorded before it closed and stands: { $choice }
        [true] this change was not recorded. Your vote cast before it closed still counts: { $choice }
       *[other] this vote was not recorded.
    }
poll-household-voted-named = 🏠 Your household (same room) has voted: { $name } voted on { $when }. This poll takes one vote per household, so there is nothing more to do.
poll-household-voted-anonymous = 🏠 Someone in your household (same room) voted on { $when }. This poll takes one vote per household, so there is nothing more to do.
poll-closing-soon = ⏰ The poll "{ $question }" closes at { $closes } and you have not voted yet.
poll-result = 📊 <b>Poll result: { $question }</b>
    { $lines }
    { $multiple ->
        [true] { poll-multi-note }
       *[other] {""}
    }
    Took part: { $participants } of { $eligible } { $basis ->
        [households] households
       *[voters] voters
    } ({ $turnout }){ $proxies ->
        [0] {""}
       *[other] , { $proxies } by proxy
    }
    { $quorum_met ->
        [true] Quorum { $quorum }: ✅ met
        [false] Quorum { $quorum }: ❌ not met
       *[none] {""}
    }
    { $threshold_met ->
        [true] Threshold { $threshold }: ✅ met
        [false] Threshold { $threshold }: ❌ not met
       *[none] {""}
    }
    { $passed ->
        [true] Outcome: ✅ passed ({ $winner })
        [false] Outcome: ❌ not passed{ $outcome ->
            [tie] {" "}(tie: { $tied }, { $tied_votes } { $tied_votes ->
                [one] vote
               *[other] votes
            } each)
           *[other] {""}
        }
       *[none] { $outcome ->
            [winner] Outcome: most votes: { $winner }
            [tie] Tie: { $tied }, { $tied_votes } { $tied_votes ->
                [one] vote
               *[other] votes
            } each
           *[none] Outcome: no votes were cast
        }
    }
poll-result-list-sep = {", "}
poll-result-list-last-sep = {" and "}
# turnout against the eligible (and the quorum, where the poll has one), in the poll's unit
poll-live-results = 📊 <b>Results so far</b> (poll still open)
    { $lines }
    { poll-turnout }
    { $multiple ->
        [true] { poll-multi-note }
       *[other] {""}
    }
# who took part so far, against the eligible and the quorum (live results, the staff card)
poll-turnout = Taken part so far: { $participants } of { $eligible } { $basis ->
        [households] households
       *[voters] voters
    } ({ $turnout }){ $quorum_met ->
        [true] ; quorum { $quorum } ({ $needed }): ✅ met
        [false] ; quorum { $quorum } ({ $needed }): { $missing } more needed
       *[none] {""}
    }
poll-multi-note = Several choices (up to { $max } each): a percentage is the share of the { $ballots } { $ballots ->
        [one] voter
       *[other] voters
    } who chose that option, so together they can add up to more than 100%.
poll-results-hidden = Results are published when the poll closes.
poll-list-closed = closed
poll-results-asked-which = Several polls closed lately; tap one for its result:
poll-results-asked-open = "{ $question }" is still open; it closes { $closes }. { $live ->
        [yes] Tap "{ poll-btn-results }" for the votes so far.
       *[no] The result is published when it closes, and sent to you.
    }
poll-results-asked-none = No poll has closed in the last { $days } days, and none is open for you now. When a poll closes, its result is sent to everyone and listed under "{ menu-consult }".
poll-staff-list-title = <b>Polls</b>
    Tap a poll for its details and tools. Running polls come first (closing soonest on top), then drafts, the latest closed ones with their outcome{ $cancelled ->
        [0] {""}
       *[other] , and the latest cancelled last
    }.
poll-staff-list-empty = No polls yet. Tap "➕ New poll" to start one.
poll-staff-list-closes = · closes { $closes }
poll-staff-list-draft = · draft, not published
poll-staff-list-cancelled = · cancelled
poll-outcome-passed = · ✅ passed
poll-outcome-failed = · ❌ not passed
poll-outcome-void = · ⚠️ void (too few took part)
poll-outcome-winner = · most votes: { $winner }
poll-outcome-tie = · tie
poll-outcome-none = · no votes
poll-list-voted-mine = ✅ Voted
poll-list-voted-household = ✅ Your household voted
poll-list-item = { $question } (closes { $closes })
poll-status-draft = draft
poll-status-open = open
poll-status-closed = closed
poll-status-cancelled = cancelled
poll-staff-card = <b>{ $question }</b>
    Status: { $status } · closes { $closes }
    { $ended ->
        [closed] { $multiple ->
            [true] { $ballots } { $ballots ->
                [one] person
               *[other] people
            } voted in all (ended; several choices, up to { $max } each) { poll-card-outcome }
           *[other] { $ballots } { $ballots ->
                [one] vote
               *[other] votes
            } in all (ended) { poll-card-outcome }
        }
        [cancelled] { $ballots } { $ballots ->
            [one] vote
           *[other] votes
        } in all (cancelled: no result)
       *[none] { $multiple ->
            [true] { $ballots } { $ballots ->
                [one] person has
               *[other] people have
            } voted (several choices, up to { $max } each)
           *[other] { $ballots } { $ballots ->
                [one] vote
               *[other] votes
            } so far
        }
    }
    { $quorum_met ->
        [none] {""}
       *[other] { poll-turnout }
    }
    { $verdict ->
        [true] ✅ Quorum met: { $participants } of { $eligible } { poll-card-unit } took part ({ $turnout }); quorum { $quorum } ({ $needed })
        [false] ❌ Quorum not met: { $participants } of { $eligible } { poll-card-unit } took part ({ $turnout }); quorum { $quorum } ({ $needed }), { $missing } short
       *[none] {""}
    }
# an ended poll's outcome on its staff card (the option named escaped once, as written)
poll-card-outcome = { $outcome ->
        [passed] { poll-outcome-passed }
        [failed] { poll-outcome-failed }
        [void] { poll-outcome-void }
        [winner] { poll-outcome-winner }
        [tie] { poll-outcome-tie }
       *[none] { poll-outcome-none }
    }
poll-card-unit = { $basis ->
        [households] households
       *[voters] voters
    }
# whom the announcement reached, as its deliveries stand: one held for the morning and dropped
# before it went (the person or their household voted first, or the poll ended) is not told
poll-card-reach = 📨 Announcement: sent to { $told } { $told ->
        [one] person
       *[other] people
    }{ $waiting ->
        [0] {""}
       *[other] , { $waiting } more waiting until { $when }
    }{ $dropped ->
        [0] {""}
       *[other] ; { $dropped } not sent ({ $open ->
            [true] they or their household voted first
           *[other] they voted first, or the poll ended
        })
    }{ $undelivered ->
        [0] {""}
       *[other] ; { $undelivered } not delivered (blocked the bot or failed)
    }
poll-btn-publish = 📣 Publish
poll-btn-close-now = ⏹ Close now
poll-btn-cancel = ❌ Cancel poll
poll-btn-edit = ✏️ Edit
poll-edit-what = What do you want to change?
    To change anything else (single or multiple choice, who it is for …), cancel this draft and create the poll again.
poll-edit-field-question = Question
poll-edit-field-options = Options
poll-edit-field-close = Closing time
poll-edit-ask = It is now:
    { $current }
    { $field ->
        [options] Type the new options, one a line ({ $low } to { $high }):
        [close] Type the new closing time, e.g. “{ $example }”:
       *[question] Type the new question (at most { $limit } characters):
    }
poll-btn-proxy = ✍️ Proxy vote
poll-btn-export = 📥 Export Excel
poll-new-ask-question = New poll. Type the question (at most 300 characters):
poll-new-ask-options = Type the options, one per line or parted by commas (2 to 12):
poll-new-ask-multiple = One choice or several?
poll-btn-single = One choice
poll-btn-multi = Several choices
poll-new-ask-max = At most how many choices? Type a number:
poll-new-ask-eligibility = Who may vote?
poll-btn-elig-registered = Registered residents
poll-btn-elig-verified = Verified residents only
poll-new-ask-household = One vote per household (same room)?
poll-new-ask-close = When does it close? For example "{ $example }" or "next Mon 8pm":
poll-new-ask-anonymous = Anonymous or named?
poll-btn-anonymous = Anonymous
poll-btn-named = Named
poll-new-ask-live = When are results shown?
poll-btn-live = Live while voting
poll-btn-hidden = After it closes
poll-new-ask-quorum = What share must take part for the vote to count? For example "2/3" or "50%"; tap "Skip" for none:
poll-new-ask-basis = Count that share in people or in households?
# a one-vote-per-household poll: its quorum is of households, not asked
poll-new-basis-households = One vote per household: the share is counted in households.
poll-btn-basis-voters = People
poll-btn-basis-households = Households
poll-new-ask-threshold = What share in favour is needed to pass? For example "3/4"; tap "Skip" for none:
poll-preview = { $published ->
        [none] <b>Preview</b> (not sent yet)
       *[other] ✅ <b>Published</b> ({ $published })
    }
    Question: { $question }
    Options:
    { $options }
    { $rules }
    👥 For: { $audience_kind ->
        [grids] { $audience_names }
        [buildings] { $audience_names }
        [members] registered members/volunteers
       *[community] the whole community
    }
    🙋 Who may vote: { $eligibility ->
        [verified] verified residents only
       *[registered] residents with a registered address
    }
    📊 Results: { $live ->
        [true] shown while voting is open
       *[false] shown after the poll closes
    }
    Closes: { $closes }
# told: sent now; waiting: held by quiet hours until { $when } (dropped if they vote first)
poll-published = ✅ Poll published.{ $waiting ->
        [0] { " " }{ $told } { $told ->
            [one] person was
           *[other] people were
        } told.
       *[other] { $told ->
            [0] {""}
           *[other] { " " }{ $told } told now.
        } 🌙 It is quiet hours: { $waiting } { $told ->
            [0] { $waiting ->
                [one] person
               *[other] people
            }
           *[other] more
        } will be told at { $when } (not those who have voted by then). The poll's card shows how many were told.
    }
poll-closed-done = ✅ Poll closed; the result is queued for { $count ->
        [one] 1 person
       *[other] { $count } people
    }.
poll-cancel-done = ✅ Poll cancelled; the notice is queued for { $count ->
        [one] 1 person
       *[other] { $count } people
    }.
poll-btn-close-confirm = ⏹ Yes, end it now
poll-btn-cancel-confirm = ❌ Yes, cancel the poll
poll-btn-keep-open = ↩️ No, keep it open
poll-close-confirm = End the poll "{ $question }" now? { $ballots } ballots are in; the result is announced from them, and nobody else can vote.
poll-close-confirmed = ⏹ The poll "{ $question }" has ended.
poll-cancel-confirmed = ❌ The poll "{ $question }" has been cancelled.
poll-cancel-confirm = Cancel the poll "{ $question }"? The { $ballots } ballots cast are void and no result is announced; everyone it was sent to is told.
poll-kept-open = All right, the poll stays open.
poll-draft-cancelled = ✅ Draft deleted; it was not sent to anyone.
poll-draft-cancelled-topic = ✅ Draft deleted; it was not sent to anyone.
    💡 The topic "{ $title }" is open again: you can put it on an agenda or to a poll later. { $told ->
        [0] {""}
       *[other] The { $told } people told a poll was coming have been told it is not.
    }
poll-cancelled-notice = The poll "{ $question }" has been cancelled; the votes cast no longer count. Sorry for the trouble.
poll-proxy-ask-building = Proxy vote: choose the resident's building:
poll-proxy-ask-room = Type the resident's room:
poll-proxy-choose-resident = Several residents live there: choose whom you are voting for (the ballot comes next):
poll-proxy-ballot = ✍️ Voting for { $name }: { $question }
# a proxy ballot once used (it had the options to tap)
poll-proxy-cast = ✍️ Voted for { $name }: <b>{ $question }</b>
    Their choice: { $choice } (noted in the audit)
    Closes: { $closes }
# a proxy ballot tapped after the poll closed (its options gone)
poll-proxy-closed = ✍️ Voting for { $name }: <b>{ $question }</b>
    ⏹ The poll has closed; { $had ->
        [same] the vote recorded for { $name } before it closed stands: { $choice }
        [true] this change was not recorded. The vote recorded for { $name } before it closed still counts: { $choice }
       *[other] this vote was not recorded.
    }
poll-proxy-done = ✅ Proxy vote recorded for { $name }: { $choice } (noted in the audit)
# to the resident a proxy vote was recorded for (in their name: they can check it)
poll-proxy-notice = ✍️ { $name } (community staff) recorded your vote in the poll "{ $question }": { $choice }.
    { $change ->
        [true] If that is not what you want, you can change it yourself before { $closes } with the button below.
       *[other] This poll does not allow changes; if that is not what you want, please contact the community.
    }
poll-btn-see-ballot = 🗳 See this vote
form-busy = You have not finished “{ $flow }”. If you start “{ $new }” now, what you entered there is not kept.
form-btn-keep = ↩️ Go on with “{ $flow }”
form-btn-go = ✍️ Leave it, start “{ $new }”
form-kept = All right, go on with “{ $flow }”: answer the last question above; what you entered is kept.
consult-said-btn-keep = ↩️ Put it in “{ $flow }” and go on
consult-said-form-kept = All right, going on with “{ $flow }”; what you entered is kept. What you just said goes into this step:
form-left = ℹ️ You left “{ $flow }” before finishing it; what you entered there is not kept.
form-left-kept = ℹ️ “{ $flow }” is not submitted yet, and it is kept for you: tap “{ $button }” to go back to it.
form-name = { $group ->
        [PollForm] new poll
        [ProxyForm] proxy vote
        [TopicForm] topic proposal
        [TopicAnswer] topic answer
        [MeetingForm] new meeting
        [MeetingStart] new meeting
        [MeetingChange] meeting change
        [PollChange] poll change
        [DraftAudience] audience change
        [MeetingPostpone] postponing a meeting
        [MeetingCancel] cancelling a meeting
        [Minutes] minutes
        [CodeForm] entering the check-in code
        [QuestionForm] a question to a meeting's organizer
        [QuestionAnswer] replying to a resident's question
        [DecisionOrder] order from a decision
        [Reg] address registration
        [MemberEdit] changing your skills
        [PhoneEdit] changing your phone
        [Join] member sign-up
        [ReviewReason] reason for rejecting a sign-up
        [SuspendReason] reason for suspending a member
        [Filing] new request
        [AddInfo] more about a request
        [RateComment] rating
        [ResultFlow] reporting an order done
        [ResultReport] reporting an order done
        [SendBack] sending a result back
        [ClaimFlow] order note
        [Release] giving an order back
        [MemberNote] telling the community about an order
        [OrderCancel] cancelling an order
        [Compose] notice
        [StaffFlow] handling a request
        [IssueOrder] issuing an order
        [Transfer] transfer
        [TransferAnswer] recording the transfer's answer
        [Merge] merging requests
        [Decline] declining a request
        [StaffResult] the result
        [Place] changing the place
        [OnBehalf] filing for a resident
        [OrgEdit] org structure edit
        [ChannelForm] public channel setting
       *[other] another form
    }
poll-export-caption = Poll result export: { $question }

## ❓ Ask the organizer: residents' questions to a meeting's organizer, and staff answers
mq-btn-ask = ❓ Ask the organizer
mq-ask-prompt = Please type your question for the organizer of “{ $title }” and send it to me. To stop, tap “✖️ Cancel”.
mq-asked = ✅ Passed on to the organizer; the reply will come here. (“{ $title }”)
mq-err-cancelled = “{ $title }” was cancelled and takes no more questions. You can report a matter with “{ menu-order-new }”.
mq-err-over = “{ $title }” ended more than a day ago and takes no more questions. You can report a matter with “{ menu-order-new }”.
mq-err-too-many = You already have { $limit } questions about this meeting waiting for a reply; please wait for the organizer to answer them.
mq-err-not-found = This question was not found; it may have been deleted.
mq-err-answered = { $name } already replied to this question at { $when }; no need to reply again.
mq-staff-notice = ❓ Resident's question · { $title }
    { $name } ({ $home }): { $question }
mq-btn-reply = ↩️ Reply
mq-btn-reply-n = ↩️ Reply { $n }
mq-staff-answered = ❓ Resident's question · { $title }
    { $name } ({ $home }): { $question }
    ✅ { $by } replied at { $when }: { $answer }
mq-answer-prompt = Reply to a question about “{ $title }”.
    { $name } asks: { $question }
    Type your reply; it goes straight to the resident. To stop, tap “✖️ Cancel”.
mq-answer-sent = ✅ Your reply was sent to { $name }.
mq-answer = 💬 The organizer replied (“{ $title }”): { $answer }
    (You asked: { $question })
mq-staff-card-line = ❓ Questions { $asked } (waiting for a reply { $waiting })
mq-btn-list = ❓ Questions waiting ({ $waiting })
mq-list-head = { $waiting } questions about “{ $title }” wait for a reply:
mq-list-line = { $n }. { $name }: { $question }
mq-list-empty = Every question about “{ $title }” has been answered.
mq-btn-typed = ❓ Send to the organizer of “{ $title }”
mq-typed-hint = This reads like a question for the meeting's organizer: tap “❓ Send to the organizer…” and the reply will come here.
