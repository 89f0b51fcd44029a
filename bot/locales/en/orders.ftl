## Order cycle (issue 4): request → order → claim → published result

menu-order-new = 📝 Report a problem
menu-order-mine = 📂 My requests
menu-order-open = 🛠 Open orders
menu-order-claims = 📌 My orders
menu-order-points = 🏅 My points
menu-order-queue = 📋 Request queue
menu-order-on-behalf = ☎️ File for a resident
menu-order-stats = 📊 Ledger stats

order-status-new = waiting
order-status-ordered = passed to volunteers
order-status-handling = handled by staff
order-status-transferred = transferred
order-status-merged = merged
order-status-merged-into = with { $number } · { $status }
order-card-merged-now = { $number } now: { $status }
order-status-declined = declined
order-status-withdrawn = withdrawn
order-status-done = done, awaiting rating
order-status-resolved = resolved
order-status-closed = closed
order-status-reopened = reopened

order-ostatus-open = open
order-ostatus-claimed = fully claimed
order-ostatus-done = awaiting check
order-ostatus-verified = verified
order-ostatus-cancelled = cancelled

order-channel-bot = bot
order-channel-phone = phone
order-channel-visit = office visit
order-channel-home_visit = home visit
order-channel-meeting = residents' meeting
order-channel-other = other

order-purpose-request = request files
order-purpose-info = added information
order-purpose-result = result

order-score-satisfied = satisfied
order-score-basic = mostly satisfied
order-score-unsatisfied = not satisfied

## Resident: filing

order-ask-describe = Please tell us what is wrong.
    Type it, or send photos, a voice note, or tap "📍 Send location".
    When you have said everything, tap "✅ Done".
order-ask-describe-text = Nothing yet. Please describe the problem in words (or a voice note) first.
order-voice-only = (the resident left a voice note, please listen to the attachment)
order-voice-only-own = (your voice note)
order-voice-removed = (the resident left a voice note; it was deleted with their personal data)
order-kept-intro = What you told us before registering is here:
order-kept-intro-group = What you told me in the group is here:
order-kept-text = “{ $text }”
order-kept-photos = { $count ->
    [one] 1 photo
   *[other] { $count } photos
}
order-kept-voice = { $count ->
    [one] 1 voice note
   *[other] { $count } voice notes
}
order-kept-place = 1 location
order-kept-go-on = You can add more text, photos, a voice note or a location; tap "{ order-btn-finished }" when finished.
order-got-text = Got it. You can add more; tap "✅ Done" when finished.
order-got-text-again = We already have those words from just now. You can add more; tap "✅ Done" when finished.
order-compose-cancel-meant = Would you rather not report it? Tap "{ common-cancel }" below and nothing is filed; to go on, just keep typing (that message was not added).
order-compose-how = I am listening. Just type what the matter is and where; you can also send a photo or a voice note. Tap "{ order-btn-finished }" when finished.
order-compose-aside = { $thanks ->
    [yes] You are welcome!
   *[no] All right.
} This has not reached the community yet: when you have said it all, tap "{ order-btn-finished }", then "{ order-btn-submit }".
order-got-photo = Photo received ({ $count } in all).
order-got-voice = Voice note received.
order-got-voice-more = Voice note { $count } received; the earlier ones are kept too, and the community hears them all.
order-voices-full = This matter already has { $limit } voice notes, so this one was not kept. To say more, you can type it.
order-got-location = Location received.
order-contact-line = Contact: { $name } { $phone }
order-contact-line-own = Phone to call: { $phone }
order-got-contact = Added to the description: { $line }
    You can add more; tap "✅ Done" when finished.
order-photos-full = { $limit } photos at most; that is enough.
order-compose-unsupported = Here I can only keep text, photos, voice notes and a location.
order-btn-finished = ✅ Done
order-btn-location = 📍 Send location
order-preview-title = <b>Your request</b>
order-preview-tap-submit = One step left: tap "{ order-btn-submit }" below to send it to the community. If not, tap "{ common-cancel }".
order-preview-added = All right, that is added too. If there is nothing more, tap "{ order-btn-submit }" below.
order-preview-older = This preview is old: tap “{ order-btn-submit }” on the newest one.
order-preview-phone-hint = 📞 Your description has the number { $phone }: to be called on it about this matter, tap the button below.
order-btn-use-phone = 📞 Call me on { $phone } about this
order-preview-contact = 📞 Contact number for this matter: { $phone }
order-preview-contact-set = All right: { $phone } is the contact number for this matter.
order-preview-category-typed = Done: the category is now “{ $category }”. If there is nothing to add, tap “{ order-btn-submit }” below.
order-preview-urgent-typed = Done: it is marked urgent, so the community will see to it first. If there is nothing to add, tap “{ order-btn-submit }” below.
order-preview-not-urgent-typed = Done: it is no longer marked urgent. If there is nothing to add, tap “{ order-btn-submit }” below.
order-preview-category = Category: { $category }
order-preview-pick-category = (A voice note only, so no category could be suggested; tap "🏷 Change category" to pick one, or leave it to the community.)
order-preview-unsure = (We are not sure of the category. If it is one on the buttons below, tap it; if not, never mind: the community will sort it.)
order-preview-photos = Photos: { $count }
order-preview-voice = Voice notes: { $count }
order-preview-location = Location: attached
order-preview-place = 📍 Where: { $place } (as you wrote; if not, tap "📍 Where: …" below)
order-preview-place-home = 📍 Where: { $place } (your building)
order-btn-place = 📍 Where: { $place }
order-btn-where = 📍 Not at home? Choose where
order-where-ask = Where is it? Tap one:
order-where-home = 🏠 My home ({ $place })
order-where-ours = 🏢 My building ({ $place }, not in my home)
order-where-other = 🏘 Another building
order-where-public = 🌳 A public area of the community (road, garden, car park, gate…)
order-btn-where-back = ⬅️ Back
order-where-building = Which building? Tap one:
order-where-public-ask = Where in the community? Type a few words, e.g. "road outside the east gate" (up to { $limit } characters). Not sure? Tap "Skip".
order-preview-place-public = 📍 Where: public area of the community · { $where }
order-preview-place-ours = 📍 Where: { $place } (in the building, not your home)
order-preview-public-hint = 📍 From what you wrote, it seems to be in a public area of the community ({ $where }), not at your home? If so, tap "🌳 Yes, at …" below.
order-btn-public-hint = 🌳 Yes, at { $where }
order-preview-urgent = 🚨 Urgent
# two matters told in one message: offered to be filed apart (each gets its own number)
order-preview-two = This sounds like two matters:
    ① { $first }
    ② { $second }
    Reported apart, each gets its own number and is seen to on its own. Split them? If not, just tap “{ order-btn-submit }”.
order-btn-submit = ✅ Submit
order-btn-change-category = 🏷 Change category
order-btn-urgent = 🚨 Mark urgent
order-btn-not-urgent = Not urgent
order-btn-split = ✂️ Split into two
order-btn-one = Keep as one
order-btn-rewrite = ✏️ Start again
order-choose-category = Choose the best category:
order-choose-category-now = Request { $number } is in "{ $category }". Choose the best category:
order-back-to-menu = Back to the main menu.
order-filed = ✅ Submitted, number <b>{ $number }</b>. Community staff will handle it soon.
order-filed-two = ✅ Submitted as two, numbers <b>{ $first }</b> and <b>{ $second }</b>. Community staff will handle them soon.
order-filed-night = 🌙 It is the night quiet time: community staff will get your request at { $time }.
    In danger or a medical emergency, call 110 / 119 / 120 now.
order-filed-joined = ✅ Recorded, number <b>{ $number }</b>, handled together with request { $target } as the same matter: you will hear about its progress.
order-similar-title = 📌 Neighbours have already reported something similar:
order-similar-line = • { $number } · { $what } · { $place } · reported { $since } · { $status }
order-similar-hint = If it is the same matter, tap "➕ Same as …" below and you will hear about its progress; if not, just tap "✅ Submit".
order-btn-join = ➕ Same as { $number }
order-err-join-closed = That matter has been finished or closed meanwhile; please submit yours.
order-card-joined = 👥 { $count } other { $count ->
        [one] resident reported
       *[other] residents reported
    } the same matter
order-filed-next = You can follow it any time under "📂 My requests".
lookup-request-none = There is no request numbered { $number } that you can see. Your own requests are all in "📂 My requests".
lookup-order-none = There is no order numbered { $number } that you can see.
order-safety-gas = ⚠️ Shut the gas valve and open the windows now. Do not switch lights or appliances on or off and make no flame; call the gas emergency line or 119 from outside.
order-safety-fire = ⚠️ Leave the danger area now, do not take the lift, cover your nose and mouth with a wet cloth, and call 119.
order-safety-electric = ⚠️ Switch off the power at the main switch first; do not touch the person or the wire with bare hands. Call 120 if needed.
order-safety-fall = ⚠️ Do not hurry to lift the person who fell; check for injuries and whether they can move. If they are confused, in severe pain or bleeding, call 120 now.
order-safety-unconscious = ⚠️ Call 120 now. Lay the person flat with the head turned to one side, loosen the collar, and give no water or medicine; if they are not breathing, do chest compressions as the 120 dispatcher tells you.
order-safety-medical = ⚠️ If it is urgent, call 120 directly; do not wait for the community to answer.
order-safety-flooding = ⚠️ Shut your home's main water valve first; if the water reaches sockets or appliances, switch the power off at the main switch before dealing with it.
order-safety-poisoning = ⚠️ Gas poisoning suspected: open the windows, move the person to fresh air and call 120. Medicine or something poisonous swallowed: take the box or packaging and call 120 now.
order-safety-trapped = ⚠️ Stuck in a lift: press the alarm button or call the rescue number inside the car; do not force the doors. Someone trapped or fallen into a pit or manhole: call 119 now.
order-safety-violence = ⚠️ If someone is violent or armed, get away and keep yourself safe first, then call 110.
order-safety-self_harm = ⚠️ If someone may take their own life, call 110 or 120 now and, if you can, stay with them; do not leave them alone.
order-safety-missing = ⚠️ A missing older person or child: call 110 now, there is no need to wait 24 hours. Have a recent photo ready and note what they were wearing.
order-safety-falling_object = ⚠️ Keep away from below and warn passers-by to go round; if someone is hurt, call 120.
order-safety-collapse = ⚠️ Leave anywhere that may collapse now, warn neighbours to keep away and call 119.
order-safety-alone_unreachable = ⚠️ If you fear someone living alone has had an accident and no one answers the door, call 110 to ask the police to help check.

## Resident: my requests

order-mine-empty = You have not reported anything yet. Tap "📝 Report a problem" to do so.
order-mine-title = <b>My requests</b> ({ $total } in all, page { $page }/{ $pages })
order-mine-line = { $number } · { $status } · { $time }
    { $text }
order-btn-open-number = Open { $number }
order-btn-add-info = ➕ Add information
order-btn-withdraw = ↩️ Withdraw
order-btn-withdraw-yes = Yes, withdraw
order-btn-view-mine = See progress
order-ask-add-info = What would you like to add to request { $number }? (text, a photo or a voice note)
order-info-added = Added to request { $number }.
order-info-added-moved = Added to request { $number }.
    📍 The place is now { $place }; staff of { $grid } will handle it.
order-info-added-place = Added to request { $number }. Staff are already on it; they have been told the place is { $place }.
order-ask-withdraw = Withdraw request { $number }?
order-typed-only-matter = You have one matter open: request { $number } ({ $about }).
order-typed-named-matter = You mean request { $number } ({ $about }).
order-withdrawn = Request { $number } is withdrawn.
order-card-merged = This is handled together with request { $number }; you will hear about its progress.

## Rating

order-rate-satisfied = 😊 Satisfied
order-rate-basic = 🙂 Mostly satisfied
order-rate-unsatisfied = 😞 Not satisfied
order-rate-typed = Is that your rating for request { $number }: "{ $score }"? Tap the matching button below and it is recorded:
order-rate-typed-none = Thank you for your feedback! No request is waiting for your rating now; when one is done, we will ask you.
order-rate-points = You gave { $points } { $unit ->
        [star] { $points ->
            [one] star
           *[other] stars
        }
       *[point] { $points ->
            [one] point
           *[other] points
        }
    }{ $out_of ->
        [10] {" "}out of 10: our ratings have three levels (8–10 is satisfied, 5–7 mostly satisfied, 4 or less not satisfied)
       *[other] : our ratings have three levels (4–5 is satisfied, 3 mostly satisfied, 1–2 not satisfied)
    }, so for request { $number } that is "{ $score }".
    If that is right, tap "{ $score }" and it is recorded; for another level, tap that one:
order-rate-comment-kept = What you said, "{ $comment }", is kept with the rating: no need to say it again.
order-rate-not-that = All right, not "{ $score }". How did request { $number } go for you? Please tap one of the buttons below:
order-rate-unclear = Would you like to rate request { $number }? Please tap one of the buttons below: satisfied, mostly satisfied, or not satisfied.
order-rated-typed = All right, recorded as you said: your rating of request { $number } is "{ $score }". Thank you! Anything to add? Write a line, or tap "{ common-skip }".
order-rated-typed-unsatisfied = Recorded as you said: your rating of request { $number } is "{ $score }". We are sorry; it goes back to the community to be handled again. Please tell us what is still wrong, or tap "{ common-skip }".
order-rated-typed-comment = Noted as you said: request { $number } is rated “{ $score }”, and your words are kept with it. Thank you!
order-rated-typed-unsatisfied-comment = Noted as you said: request { $number } is rated “{ $score }”. We are sorry it did not satisfy you; it goes back to the community with what you told us.
order-ask-comment = Thank you, your rating is saved! Anything to add? Write a line, or tap "Skip".
order-ask-comment-unsatisfied = We are sorry; it goes back to the community to be handled again. Please tell us what is still wrong, or tap "Skip".
order-rate-comment-how = Just type what is still wrong, for example "the light still does not work"; if you would rather not, tap "{ common-skip }" above.
order-rated-choice = Your rating: { $score }
# on the rating notice once 不满意 is tapped: the matter is no longer done
order-rated-choice-reopened = Your rating: { $score } (passed back to the community to handle again)
order-rated-thanks = Thank you for your rating!
order-rated-comment-saved = Thank you, your words are passed on.
order-rated-reopened = Noted. The community will handle it again and contact you soon.
# something typed while a request done lately awaits its score (offer_rating_first)
order-rate-after-done-said = Is this about request { $number } ({ $about })? It was just done: please rate the service — what you wrote goes to the community with it; if you are not satisfied, the community will handle it again.
    If it is about something else, tap "{ fallback-file-button }".
order-rate-after-done-ask = { $lead ->
        [done] Good to hear!
       *[thanks] You're welcome!
    } Request { $number } ({ $about }) is done; if you have a moment, please rate the service:
order-rated-reopened-said = Noted, and what you wrote is passed on: the community will handle it again and contact you soon.

## Cards

order-card-title = <b>Request { $number }</b> · { $status }
order-card-category = Category: { $category }
order-card-place = Place: { $place }
order-card-time = Time: { $time }
order-card-urgent = 🚨 Urgent ({ $reasons })
order-card-contact = Contact: { $name } · Phone: { $phone } · Room: { $room }
order-card-contact-no-phone = Contact: { $name } · no phone given · Room: { $room }
order-card-phone-from-signup = { $phone } (given at volunteer sign-up)
order-card-resident-english = 🌐 The resident reads English
order-card-channel = Channel: { $channel }
order-card-keywords = Keywords: { $keywords }
order-card-text = { $text }
order-card-voices = 🎤 { $count ->
        [one] 1 voice note
       *[other] { $count } voice notes
    } (tap 📎 Files to listen)
order-card-declined = Declined because: { $reason }
order-card-declined-before = Declined before because: { $reason }
order-card-review = 🔁 The resident asked for a review ({ $time }): { $reason }
order-btn-review = 🔁 Ask for a review
order-btn-review-typed = 🔁 Ask for a review (with what I just wrote)
order-ask-review = Request { $number } was declined because: { $reason }
    If you think the community should look at it again, say why; staff will take it up again (one review per request):
order-review-asked = A review of request { $number } is asked; staff will take it up again and tell you how it goes.
order-review-words-please = Please say in words why the community should look at it again. Photos can follow once it is asked, from "📂 My requests" → "➕ Add information".
order-review-offer = Your request { $number } was declined (reason: { $reason }).
    Is what you just wrote asking the community to look at it again?
order-err-review-used = A review of request { $number } was asked once already. For questions, call the community office.
order-err-review-late = Request { $number } was declined more than 14 days ago; its review can no longer be asked. You can file it again, or call the community office.
order-err-review-empty = Please say why in a few words.
order-card-result = Result: { $note }
order-card-rating = Resident's rating ({ $time }): { $score }{ $comment ->
        [none] {""}
       *[other] {" · "}{ $comment }
    }
order-card-rating-mine = Your rating ({ $time }): { $score }{ $comment ->
        [none] {""}
       *[other] {" · "}{ $comment }
    }
order-card-rating-by-phone = (by phone{ $staff ->
        [none] {""}
       *[other] , recorded by { $staff }
    })
# a rating staff recorded for a resident who left no phone (after a visit): not said to be by phone
order-card-rating-recorded = (recorded by { $staff ->
        [none] staff
       *[other] { $staff }
    })
order-btn-phone-rating = 📞 Rating by phone
order-ask-phone-rating = 📞 Rating request { $number } by phone
    Contact: { $name } · phone: { $phone }
    Call the resident, ask whether they are satisfied with the result, then record their answer below:
# 📞 Rating by phone for a resident who left no phone: no call to make, what staff can do instead
order-btn-visit-rating = 📝 Record a follow-up
order-ask-visit-rating = 📝 Follow-up of request { $number }
    Contact: { $name } · no phone given · { $room ->
        [none] no room given
       *[other] room: { $room }
    }
    The resident left no phone: you can call on them and ask whether they are satisfied with the result{ $chat ->
        [yes] ; the rating request is also in their chat, where they can tap it themselves
       *[other] {""}
    }. Once you have asked, record their answer below:
order-ask-phone-comment = The resident's rating: { $score }. Anything else they said? Note it in a line, or tap "Skip".
order-ask-phone-comment-unsatisfied = The resident's rating: { $score }. Note what they are not satisfied with (the request goes back to staff), or tap "Skip".
order-phone-comment-words = Please note what the resident said in words, or tap "Skip".
order-phone-rated = The phone rating of request { $number } is recorded: { $score }.
order-phone-rated-reopened = The phone rating of request { $number } is recorded: { $score }. The request is reopened for handling.
order-visit-rated = The follow-up of request { $number } is recorded: { $score }.
order-visit-rated-reopened = The follow-up of request { $number } is recorded: { $score }. The request is reopened for handling.
order-card-closed-unrated = The resident did not rate the result during the follow-up period: closed automatically.
order-card-closed-unrated-mine = No rating came in during the follow-up period, so the request was closed automatically. If the problem is still there, tap "{ menu-order-new }" and tell us.
order-card-duplicates = ⚠️ May be the same matter as { $numbers }
# each likely duplicate on a card, with how alike the two read (services.triage.duplicates.likeness)
order-card-duplicate-high = { $number } (very alike)
order-card-duplicate-mid = { $number } (fairly alike)
order-card-duplicate-low = { $number } (a little alike)
order-card-transfer = Transferred to: { $unit } · { $time } · note: { $note }
order-card-transfer-answer = The unit answered: { $answer }
order-card-transfer-progress = Latest progress, { $time }: { $answer }
order-card-with-unit = Passed to "{ $unit }"; the community follows it up.
order-card-progress-open = Progress: waiting for a volunteer to take it.
order-card-progress-partial = Progress: { $claimed } { $claimed ->
    [one] volunteer has
   *[other] volunteers have
    } taken it; waiting for { $left } more.
order-card-progress-claimed = Progress: a volunteer has taken it and will contact you soon.
order-card-progress-reported = Progress: the work is done; the community is checking it.
order-card-transfer-follow-up = Follow up on: { $time }
order-merge-candidates = Or tap one of the likely duplicates:
order-btn-merge-into = 🔗 Merge into { $number }
order-attachment-caption = Request { $number } · { $purpose }

## Staff: queue and triage

order-queue-empty = No requests waiting. 👍
order-queue-title = <b>Request queue</b> ({ $total } in all, page { $page }/{ $pages }, urgent and oldest first)
order-queue-line = { $mark } { $number } · { $category } · { $place } · { $time }
    { $text }
order-queue-claimants = taken by { $names }
order-btn-search = 🔎 Find a request
order-btn-search-again = 🔎 Search again
order-search-ask = Which request are you looking for? Type its number (e.g. 00012), the resident's name, phone, room or building, or words of the request (e.g. "leak"):
order-search-empty = Please type what to look for.
order-search-none = No request with “{ $words }” (only within your area).
order-search-title = <b>Requests with “{ $words }”</b> ({ $total }, page { $page }/{ $pages }, newest first)
order-search-gone = These results have expired; please search again.
order-btn-open-request = 📄 Open request
order-btn-open-order = Open order { $number }
order-btn-attachments = 📎 Files ({ $count })
order-btn-issue = 📤 Issue order
order-btn-handle = 🙋 Handle myself
order-btn-transfer = ↗️ Transfer
order-btn-merge = 🔗 Merge
order-btn-decline = ❌ Decline
order-btn-category = 🏷 Category
order-btn-staff-place = 📍 Change place
order-btn-mark-urgent = 🚨 Mark urgent
order-btn-unmark-urgent = Not urgent
order-btn-close = ✔️ Close
order-btn-result = 📝 Report result
order-btn-answer = 📥 Record answer
order-btn-needed = 👥 { $count }
order-btn-points = ⭐ { $points } pts
order-btn-hours = ⏰ { $hours } h
order-btn-edit-title = ✏️ Edit title
order-btn-publish = ✅ Publish order
order-btn-solved = Solved
order-btn-not-solved = Not solved, back to queue
order-btn-in-progress = ⏳ Still in hand, follow up
order-issue-title = <b>Order for request { $number }</b>
order-issue-name = Title: { $title }
order-issue-skills = Skills needed: { $skills }
order-issue-any-skill = any
order-issue-matching = Members who fit: { $count }
order-issue-nobody = ⚠️ Nobody fits yet, so nobody would see it. Tap "Any skill" or "Whole community".
order-btn-any-skill = 🧰 Any skill
order-btn-skills-default = 🧰 Skills of the category
order-issue-deadline = Time limit: { $hours } hours
order-issue-deadline-at = Due: { $time }
order-issue-deadline-days = Time limit: { $hours } hours ({ $days } days)
order-issue-deadline-minutes = Time limit: { $hours } h { $minutes } min
order-issue-deadline-word = Due: { $time } (“{ $word }” read as { $clock }; if that is not the hour, type the time, e.g. “tomorrow 17:30”)
order-issue-needed = Members needed: { $count }
order-issue-points = Points: { $points }
order-ask-title = Type the order's title (up to 60 characters):
order-title-set = ✓ Title changed. The order is shown below; tap “{ order-btn-publish }” when it is right.
order-title-cut = ✓ Title changed (cut to 60 characters). The order is shown below; tap “{ order-btn-publish }” when it is right.
order-issued = ✅ Order { $number } published; { $count ->
        [one] 1 member was told
       *[other] { $count } members were told
    }.
order-issued-nobody = ⚠️ No member of this community has the skills this order asks for (or serves this grid), so nobody can see it. You can offer it to every approved member of the community.
order-issued-too-few = ⚠️ This order needs { $need } members, but only { $count } have the skills (or serve this grid): it may never be fully taken. You can offer it to every member of the community.
order-btn-offer-all = 📣 Offer to all members of the community
order-offered-all = ✅ Order { $number } now asks for no particular skill or grid; { $count ->
        [one] 1 member was told
       *[other] { $count } members were told
    }.
order-offered-all-none = ⚠️ Order { $number } now asks for no particular skill or grid, but the community has no approved members yet. Please handle it directly or transfer it.
order-issue-nobody-grid = ⚠️ Nobody in this grid fits yet, so nobody would see it. Tap "Any skill"; to offer it to the whole community, ask the community staff.
order-issued-nobody-grid = ⚠️ No member of this grid has the skills this order asks for, so nobody can see it. You can offer it to every member of the grid, whatever their skills.
order-issued-too-few-grid = ⚠️ This order needs { $need } members, but only { $count } in this grid have the skills: it may never be fully taken. You can offer it to every member of the grid, whatever their skills.
order-btn-offer-all-grid = 📣 Offer to all members of the grid
order-offered-grid = ✅ Order { $number } now asks for no particular skill; { $count ->
        [one] 1 member of the grid was told
       *[other] { $count } members of the grid were told
    }.
order-offered-grid-none = ⚠️ Order { $number } now asks for no particular skill, but the grid has no approved members yet. Ask the community staff to offer it community-wide, or handle it directly or transfer it.
order-err-grid-only = As a grid worker you offer orders to the members of your grids only. To offer it to the whole community, ask the community staff.
order-offers-held = 🌙 It is quiet hours now: { $count } of them will get this order at { $time }.
# under order-issued at night: the resident's notice is held too (lead: no 🌙 line above)
order-issued-resident-night = { $lead ->
        [yes] 🌙 It is quiet hours now: the resident
       *[no] The resident
    } will hear that it was issued at { $at }.
order-handling = You handle request { $number } yourself; tap "📝 Report result" when done.
order-ask-transfer-unit = Transfer request { $number } to which unit? Type its name:
order-transfer-recent = Units used before: tap one (or type a name):
order-transfer-chosen = Transfer to: { $unit }
order-ask-transfer-note = Anything to note? Write a line, or tap "Skip".
order-transferred = Request { $number } is transferred; you will be reminded to follow it up on { $time }.
order-ask-answer = Type the unit's answer about request { $number }:
order-ask-answer-solved = Answer: { $answer }
    Is the problem solved? (To change the answer, just type it again.)
order-answer-recorded = The answer on request { $number } is recorded and the resident told.
# the *-night texts: quiet hours hold the resident's notice till { $at }
order-answer-recorded-night = The answer on request { $number } is recorded. It is quiet hours now: the resident will get it at { $at }.
order-progress-recorded = The progress on request { $number } is recorded and the resident told; you will be reminded to follow it up again on { $time }.
order-progress-recorded-night = The progress on request { $number } is recorded; you will be reminded to follow it up again on { $time }. It is quiet hours now: the resident will get it at { $at }.
order-ask-merge = Merge request { $number } into which request? Type its number:
order-merged = Request { $number } is merged into { $into }; the resident will follow { $into }.
# under order-merged when the two are not in the same building
order-merged-apart = ⚠️ The two are not in the same building: { $number } is at { $here }, { $into } at { $there }. Please make sure they are the same matter.
order-ask-decline = Why is request { $number } declined? (the resident is told)
order-declined = Request { $number } is declined; the resident has been told why.
order-declined-night = Request { $number } is declined. It is quiet hours now: the resident will get the reason at { $at }.
order-decline-repeats = It sounds as if request { $number } is the same matter as another one, so it can be merged into it: the resident then follows that one, and it does not count as declined.
    Tap the request to merge it into; to decline it all the same, tap “{ order-btn-decline-anyway }”.
order-decline-repeats-none = It sounds as if request { $number } repeats another one, but no open request it repeats was found.
    To merge it, type that request's number (e.g. 00003); to decline it all the same, tap “{ order-btn-decline-anyway }”.
order-btn-merge-into-matter = 🔗 Merge into { $number } ({ $what })
order-btn-decline-anyway = ❌ Decline anyway
order-ask-result = What was done about request { $number }? (you may attach one photo)
order-result-sent = The result of request { $number } was sent to the resident to rate.
order-result-sent-night = The result of request { $number } is recorded. It is quiet hours now: the resident will get it to rate at { $at }.
order-closed = Request { $number } is closed.
order-closed-night = Request { $number } is closed. It is quiet hours now: the resident will be told at { $at }.
order-category-changed = Request { $number } is now in "{ $category }".
order-category-same = Request { $number } is already in "{ $category }"; nothing changed.
order-choose-place = Request { $number } is now at { $place }. Choose the right building; for a place at no building (a road, a square, outside a gate) tap "🌳 Public area":
order-place-changed = Request { $number } is now at { $place } ({ $grid }).
order-place-same = Request { $number } is already at { $place }; nothing changed.
# 📍 Change place → a public area of the community: no building; a grid to follow it (or none),
# then staff's words for where
order-place-public-area = public area
# not shown: which names of a place (community, grid, building) this language reads
place-names-in = en
order-btn-place-public = 🌳 Public area (no building)
order-choose-place-grid = Placing request { $number } in a public area of the community (no building). Which grid follows it up? If it belongs to none, tap "No grid" and the whole community's staff handle it.
order-btn-place-no-grid = No grid (whole community)
order-ask-public-area = Where in the public area is request { $number } (followed up by { $grid })? Type the place, e.g. "road outside the east gate" (up to { $limit } characters), or tap "Skip".
# staff marked a request urgent (answer to the tap, at most 200 characters)
order-urgency-marked = Request { $number } is marked urgent and comes first in the queue.{ $alerted ->
        [0] {""}
        [one] {" "}1 colleague of the grid was alerted.
       *[other] {" "}{ $alerted } colleagues of the grid were alerted.
    }{ $released ->
        [0] {""}
        [one] {" "}1 offer held for the night went to members now.
       *[other] {" "}{ $released } offers held for the night went to members now.
    }
order-urgency-unmarked = Request { $number } is no longer urgent. Nobody is disturbed.
# the tap found it already so: a colleague came first
order-urgency-already-urgent = A colleague has just marked request { $number } urgent.
order-urgency-already-not-urgent = A colleague has just marked request { $number } not urgent.
order-btn-queue-active = 🔄 In progress
order-btn-queue-waiting = 📋 Waiting
order-active-empty = Nothing in progress.
order-active-title = <b>In progress</b> ({ $total } in all, page { $page }/{ $pages })
order-btn-queue-verify = ✅ To verify ({ $count })
order-verify-title = <b>Results to verify</b> ({ $total } in all, page { $page }/{ $pages }): a member reported the work done; read the result, then accept it or send it back
order-verify-empty = No results waiting to be verified.
order-verify-mark = to verify
# past their deadline and still open (as /stats counts them overdue): the longest overdue first
order-btn-queue-overdue = ⏰ Overdue ({ $count })
order-overdue-title = <b>Overdue</b> ({ $total } in all, page { $page }/{ $pages }, the longest overdue first)
order-overdue-empty = Nothing is overdue. 👍
order-overdue-hours = { $count ->
    [one] { $count } hour overdue
   *[other] { $count } hours overdue
}
order-overdue-days = { $count ->
    [one] { $count } day overdue
   *[other] { $count } days overdue
}
order-issue-area-grid = Offered to: members of this grid
order-issue-area-all = Offered to: members of the whole community
order-btn-area-all = 🗺 Whole community
order-btn-area-grid = 🗺 This grid only

## Staff: filing for a resident

order-behalf-building = Which building does the resident live in? (A matter at no building — a road, a square, the gate — is under "{ order-btn-place-public }".)
order-behalf-community = Which community does the resident live in?
order-behalf-building-in = { $community }: which building does the resident live in? (A matter at no building — a road, a square, the gate — is under "{ order-btn-place-public }".)
order-btn-behalf-communities = ↩️ Another community
order-behalf-building-refused = That building is not one you look after; please choose from the list.
order-behalf-building-read = Noted: { $building }.
    { order-behalf-channel }
order-behalf-building-room-read = Noted: { $building }, room { $room } (no need to type the room again).
    { order-behalf-channel }
order-behalf-building-not-read = There is no building "{ $said }". The buildings of { $community } are: { $names }. Please choose one below, or type its number, such as "Building 2" or "Building 2 room 501".
order-behalf-building-matter-no-building = “{ $said }” is kept as what the resident reported: no need to type it again.
order-behalf-place-or-matter = Is “{ $said }” the name of an estate or building, or what the resident reported? Please choose below:
order-btn-behalf-is-place = 🏠 An estate / building name
order-btn-behalf-is-matter = 📝 What they reported
order-behalf-building-which = Which building is it at? The buildings of { $community } are: { $names }. Please choose one below, or type its number, such as "Building 2" or "Building 2 room 501".
order-behalf-building-not-yours = { $building } is not one you look after. The buildings you can file for are: { $names }. Please choose one below, or type its number.
order-behalf-community-not-read = I could not tell which community and building that is. Please choose the community below, or type it with the building, such as "{ $example } Building 2 room 501".
order-behalf-public-area = Where in the public area of the community? Type the place, e.g. "road outside the east gate" (up to { $limit } characters), or tap "{ common-skip }".
order-behalf-channel = How did the resident get in touch?
order-behalf-room = Room number? (may be skipped)
order-behalf-phone = Contact phone? (may be skipped)
order-behalf-phone-invalid = That phone number does not look right. Type a mobile or landline number (e.g. 13900000001, 021-12345678), or tap “{ common-skip }” if there is none.
order-behalf-name = What is the resident's name? (e.g. Mrs Wang; you can skip this)
order-behalf-name-invalid = A name is letters only, e.g. “Mrs Wang”, at most 30 characters. If there is none, tap “{ common-skip }”.
order-behalf-name-matter-kept = That reads as what the resident asked for: it is kept, no need to type it again. First the resident's name, e.g. "Mrs Wang"; if there is none, tap "{ common-skip }" and it is filed at once.
order-behalf-building-matter-kept = “{ $said }” is kept as what the resident reported: no need to type it again. It is filed once the name is in (or skipped).
order-behalf-name-matter-waiting = What the resident reported is kept: “{ $said }”. Type the name or tap “{ common-skip }”, and it is filed.
order-behalf-text = What did the resident report?
order-behalf-filed = ✅ Filed for the resident, number <b>{ $number }</b>.
order-behalf-cancelled = Filing for a resident cancelled; nothing was filed.

## Members: claims

order-open-empty = No open orders fit you right now. You will be told when one does.
order-open-title = <b>Open orders</b> ({ $total } in all, page { $page }/{ $pages })
order-open-line = { $urgent ->
        [yes] 🚨 Urgent · {""}
       *[other] {""}
    }{ $number } · { $title }
    { $gist ->
        [none] {""}
       *[other] “{ $gist }”{"\u000A"}
    }{ $place } · due { $deadline } · claimed { $taken }/{ $needed }
# a line of the open-orders list once the order is no longer to claim from it (services.open_lists)
order-open-line-state = { $state ->
        [mine] ✅ You have claimed it: see "{ menu-order-claims }"
        [carded] ⬇️ Its details are open below: to claim it, tap "{ order-btn-claim }" there
        [resent] ⬇️ Waiting for someone again: a new message offers it to you (in the morning, if it is night); to claim it, tap "{ order-btn-claim }" there
        [full] ✅ Fully claimed
       *[closed] { $why ->
            [done] ✅ Someone has done it already
            [direct] 🏢 The community is handling it directly
            [transferred] 🏢 Handed over to another agency
            [merged] 🔗 Merged into another request about the same matter
            [declined] ⛔ The community will not take it further
            [closed] ⛔ Closed
            [reissued] 🔄 Cancelled; the community has issued a new order
           *[other] ⛔ Cancelled
        }
    }
order-btn-claim = ✋ Claim
order-btn-claim-number = ✋ Claim { $number }
order-btn-details = Details
order-order-title = <b>Order { $number }</b> · { $title } · { $status }
order-order-claims = Claimed { $taken }/{ $needed } · { $points } points
order-order-claimants = Claimed by: { $names }
order-contact-after-claim = The resident's phone and room are shown once you claim.
order-claimed-short = Claimed!
order-claimed = ✅ You claimed order { $number }. Please contact the resident soon and tap "✅ Report done" afterwards.
# the resident left no phone: how the claimant reaches them (order-reach-*)
order-claimed-no-phone = ✅ You claimed order { $number }. { $how } Tap "✅ Report done" afterwards.
order-card-no-phone = none left
order-reach-visit = 📵 The resident left no phone number: please call at { $where } in person, or ask { $staff } to reach them.
order-reach-ask-staff = 📵 The resident left no phone number or room: please ask { $staff } to reach them.
order-reach-staff-named = { $name } of the community staff
order-reach-staff = the community staff
order-claims-empty = You have no orders in progress.
order-claims-title = <b>My orders</b> ({ $count })
order-claims-line = { $number } · { $title } · { $status } · due { $deadline }
order-btn-report-done = ✅ Report done
# a member typed 'done' instead of tapping Report done
order-typed-done-one = Is order { $number } ({ $title }) done? Tap "✅ Report done" below and say in a few words what was done; add photos if you have them.
order-typed-done-which = You have { $count } orders in hand: which one is done? Tap its button to report it.
order-btn-report-done-of = ✅ { $number } { $title }
order-typed-told-which = Which order is done: "{ $note }"? You have { $count } in hand. Tap its button and these words become its report, for you to confirm before it goes.
# a report told at length by a member with one order in hand: the report begun with it, to confirm
order-report-typed = Reporting order { $number } ({ $title }) done, { $note ->
        [none] with { $photos ->
            [one] the photo
           *[other] the { $photos } photos
        } you sent
       *[other] with what you said: “{ $note }”{ $photos ->
            [0] {""}
            [one] , 1 photo
           *[other] , { $photos } photos
        }
    }
    { $note ->
        [none] Please add a few words on what was done (more photos are welcome), then tap "{ order-btn-finished }" to send it.
       *[other] Send photos now if you have any, or add more words; to send the report, tap "{ order-btn-finished }".
    } If you did not mean to report it, tap "{ common-cancel }": nothing is sent.
order-btn-report-photo-of = ✅ Report done: { $number }
order-photo-report-hint = If this is a photo of an order you have done, tap "✅ Report done": the photo goes into that order's report, sent only once you confirm it.
# a member asked not to be sent work for a while ("I'm away this week, don't send me orders")
order-pause-held = You still hold { $count } { $count ->
        [one] order
       *[other] orders
    }. If you cannot do one, tap its “↩️ Give back” below and give a reason; the community will find someone else.
# a member asked about an order in words ('where is it', 'when is it due', "the resident's phone")
order-asked-one = Where order { $number } ({ $title }) is, when it is due and how to reach the resident are on its card below:
order-asked-which = You hold { $count } orders: where each is, when it is due and how to reach the resident are on their cards below:
order-asked-none = You hold no order yet. { $asked ->
        [contact] The resident's phone and room show on the order's card once you claim it.{" "}
       *[other] {""}
    }Where each open order is and when it is due: “{ menu-order-open }”.
order-btn-release = ↩️ Give back
# 💬 Tell the community: a member holding an order tells its staff how it goes (no state change)
order-btn-tell = 💬 Tell the community
order-btn-tell-of = 💬 Tell the community: { $number }
order-ask-note = What would you like to tell the community about order { $number }? Write a line or two, e.g. “Nobody answered the door” or “Need a spare part, back tomorrow”; the staff will get it.
order-note-passed = ✅ Passed on to the community (order { $number }) and noted in the ledger.
order-typed-note-hint = If this is about an order you hold (e.g. “Nobody answered the door”), tap “💬 Tell the community” and these words go to the staff as they are.
order-claim-ended = Order { $number } { $how ->
        [reassigned] was given to someone else by the community
        [released] was given back by you
        [done] has been verified
        [cancelled] has been cancelled
       *[other] is no longer yours
    }, so this can no longer be done. Thank you!
order-note-closed = Order { $number } { $status ->
        [done] has been reported done and waits for staff to check it
        [verified] has been verified
        [cancelled] has been cancelled
       *[other] is no longer yours
    }, so nothing more can be passed on about it. If it matters, please contact the community staff directly.
order-ask-release = Why are you giving back order { $number }? Write a line:
order-released = You gave back order { $number }; it is offered to others again.
order-btn-reassign = 🔁 Reassign ({ $name })
order-btn-cancel-order = ✖️ Cancel order
order-ask-cancel-order = Why is order { $number } cancelled?
order-cancelled = Order { $number } is cancelled; the request is back in the queue.
order-reassign-none = No other member can take it.
order-reassign-choose = Reassign to whom?
order-reassigned = Order { $number } is reassigned to { $name }.

## Results

order-ask-report = What was done for order { $number }? You may add photos. Tap "✅ Done" when finished.
order-ask-report-again = Please write again what was done for order { $number }; you may add photos. Tap "✅ Done" when finished.
# after being sent back, under the question or the report begun in words: the last report
order-report-last = Last time you wrote: "{ $note }"{ $photos ->
        [0] {""}
       [one] ; its photo stays, no need to send it again
       *[other] ; its { $photos } photos stay, no need to send them again
    }. What you write now replaces it, so please write it in full.
# a report begun before and left (cancel, a menu button, another form): what it held, to go on
order-ask-report-draft = Reporting order { $number } done: carry on where you left off.
    { $note ->
        [none] No words written yet
       *[other] Written so far: “{ $note }”
    }{ $photos ->
        [0] {""}
        [one] , 1 photo
       *[other] , { $photos } photos
    }
    Add more words or photos and tap "{ order-btn-finished }"; to write it afresh, tap "{ order-btn-report-restart }".
order-btn-report-restart = 🗑 Start over
order-report-kept = Cancelled. What you wrote is kept: tap "{ order-btn-report-done }" on the order to carry on.
order-report-cancel-meant = To stop the report for now, tap "{ common-cancel }" below: what you wrote is kept. To go on, just send text or photos, then tap "{ order-btn-finished }".
order-ask-report-text = Please describe in words what was done first.
order-reported = ✅ Order { $number } reported; waiting for staff to check.
# the card whose Report done was tapped, once reported (without the button)
order-card-reported = ⏳ Reported; waiting for staff to check.
order-card-replaced = (Order { $number } was opened again below: the newest card is the one to use.)
order-request-card-replaced = (Request { $number } was opened again below: the newest card is the one to use.)
# an older card's Report done tapped after the order was reported (alert)
order-report-already = Order { $number } has already been reported and is waiting for staff to check.
order-btn-verify = ✅ Accept
order-btn-result-photos = 🖼 See the photos
order-btn-send-back = ↩️ Send back
order-verified = ✅ Order { $number } accepted; points credited and the resident asked to rate.
order-verified-night = ✅ Order { $number } accepted; points credited. It is quiet hours now: the resident will get the result to rate at { $at }.
order-ask-send-back = What is missing on order { $number }? (sent to the members)
order-sent-back = Order { $number } was sent back to the members.
order-verify-taken = Order { $number } is no longer waiting to be checked: { $name } { $how ->
        [verify] accepted it
        [send_back] sent it back to the members
        [cancel] cancelled it
       *[other] dealt with it
    }.
# a colleague's 请验收 notice once the result was checked: under its words, without buttons
order-verify-decided = { $how ->
        [verify] ✅ { $name } accepted it on { $time }
        [send_back] ↩️ { $name } sent it back to the members on { $time }
       *[other] { $name } dealt with it on { $time }
    }; nothing left to check.
order-send-back-reason-dropped = What you wrote was not sent: { $reason }
order-card-sent-back = ↩️ Sent back to the members: { $reason }
order-sent-back-menu = The members have been told what to add.

## Notices to others

# what the resident attached to a new request, under its words on staff's notice of it
# ($photos, $voices: how many; the line is left out when both are 0)
order-notice-attached = { $photos ->
        [0] {""}
       *[other] 📷 { $photos } { $photos ->
            [one] photo
           *[other] photos
        }
    }{ $photos ->
        [0] {""}
       *[other] { $voices ->
            [0] {""}
           *[other] {" · "}
        }
    }{ $voices ->
        [0] {""}
       *[other] 🎤 { $voices } { $voices ->
            [one] voice note
           *[other] voice notes
        }
    }
order-notice-new = 📥 New request { $number } · { $category }
    { $place }
    { $text }{ $photos ->
        [0] { $voices ->
            [0] {""}
           *[other] {"\u000A"}{ order-notice-attached }
        }
       *[other] {"\u000A"}{ order-notice-attached }
    }
order-notice-urgent = 🚨 Urgent request { $number } · { $category }! Please act now.
    { $place }
    { $text }{ $photos ->
        [0] { $voices ->
            [0] {""}
           *[other] {"\u000A"}{ order-notice-attached }
        }
       *[other] {"\u000A"}{ order-notice-attached }
    }
order-notice-info-added = The resident added information to request { $number }.
order-notice-info-added-place = The resident added information to request { $number }: they say the place is { $place } (filed at { $before }). Please check.
order-notice-info-added-moved = 📍 The resident added information to request { $number }: the place is now { $place } (was { $before }), in { $grid }.
order-notice-moved-away = 📍 The resident of request { $number } says the place is { $place } (was { $before }): { $grid } handles it now, you need not follow it up.
order-card-moved-away = 📍 Request { $number } is now handled by { $grid } (place: { $place }, was { $before }).
order-notice-place-moved = 📍 Staff changed the place of request { $number } to { $place } (was { $before }), in { $grid }.
order-notice-place-moved-away = 📍 Staff changed the place of request { $number } to { $place } (was { $before }): { $grid } handles it now, you need not follow it up.
order-notice-moved-in = 📍 Request { $number } · { $category } moved here (was at { $before }, now { $grid }); please follow it up. Now: { $status ->
        [reopened] reopened
        [ordered] ordered
        [handling] handled by the community
        [transferred] transferred
       *[other] waiting to be taken up
    }
    { $place }
    { $text }
order-notice-place-changed = 📍 Community staff corrected the place of your request { $number } to { $place }; staff of { $grid } will handle it.
order-notice-info-added-member = 📎 The resident added information to order { $order } (request { $number }): { $has_note ->
        [yes] { $note }
       *[no] {""}
    }{ $photos ->
        [0] {""}
       *[other] {" "}(photo attached)
    }{ $voice ->
        [yes] {" "}(a voice note: community staff can tell you what it says)
       *[no] {""}
    }
order-notice-ordered = Your request { $number } has been accepted. The community has passed it to its Party members and volunteers, and someone will take it on soon.
order-notice-handling = Your request { $number } has been accepted; community staff are handling it themselves.
order-notice-transferred = Your request { $number } was passed to "{ $unit }"; we follow it up.
order-notice-transfer-progress = Your request { $number } has news: { $answer }
    It is still being handled; we will tell you when it is done.
order-notice-transfer-answer = Request { $number } has an answer: { $answer }
order-notice-merged = Your request { $number } is handled together with request { $target }; you will hear about its progress.
order-notice-declined = Sorry, your request { $number } was declined. Reason: { $reason }{ $phone ->
        [none] {""}
       *[other] {"\u000A"}Questions? Call the community office: { $phone }
    }
    If you think the community should look at it again, tap "See progress" → "🔁 Ask for a review" and say why.
order-notice-closed = Your request { $number } is closed.
order-notice-claimed = A Party member or volunteer has taken on your request { $number } and will contact you soon.
order-notice-offer = { $urgent ->
        [yes] 🚨 Urgent · {""}
       *[other] {""}
    }🛠 New order { $number }: { $title }
    { $gist ->
        [none] {""}
       *[other] “{ $gist }”{"\u000A"}
    }📍 { $place }
    { $due ->
        [none] {""}
       *[other] ⏰ Due { $due } · {""}
    }⭐ { $points } points · { $need } more needed
    Tap "✋ Claim" to take it.
order-notice-offer-again = { $urgent ->
        [yes] 🚨 Urgent · {""}
       *[other] {""}
    }🛠 Order { $number } ({ $title }) still needs someone. Can you help?
    { $gist ->
        [none] {""}
       *[other] “{ $gist }”{"\u000A"}
    }📍 { $place }
    { $due ->
        [none] {""}
       *[other] ⏰ Due { $due } · {""}
    }⭐ { $points } points · { $need } more needed
order-notice-offer-resent = 🛠 Order { $number }: { $title }
    📍 { $place }
    ⬇️ It is waiting for someone again: it is sent to you in a new message{ $urgent ->
        [yes] {""}
       *[other] {" "}(in the morning, if it is night)
    } — tap ✋ Claim in the newest one.
order-notice-offer-carded = 🛠 Order { $number }: { $title }
    📍 { $place }
    ⬇️ You opened this order's details below: to take it, tap { order-btn-claim } there.
order-notice-offer-filled = 🛠 Order { $number }: { $title }
    { $gist ->
        [none] {""}
       *[other] “{ $gist }”{"\u000A"}
    }📍 { $place }
    ✅ Others have taken it and it is full: nothing more to do. Thank you!
order-notice-offer-reopened = { $urgent ->
        [yes] 🚨 Urgent · {""}
       *[other] {""}
    }🛠 Order { $number }: { $title }
    { $gist ->
        [none] {""}
       *[other] “{ $gist }”{"\u000A"}
    }📍 { $place }
    { $due ->
        [none] {""}
       *[other] ⏰ Due { $due } · {""}
    }⭐ { $points } points · { $need } more needed
    🔄 This order can be taken again. Tap "✋ Claim" to take it.
order-notice-offer-mine = 🛠 Order { $number }: { $title }
    📍 { $place }
    ✅ You have taken this order; tap "Details" to see it.
order-notice-offer-closed = 🛠 Order { $number }: { $title }
    📍 { $place }
    { $why ->
        [done] ✅ Someone has done it already
        [direct] 🏢 The community is handling it directly
        [transferred] 🏢 Handed over to another agency
        [merged] 🔗 Merged into another request about the same matter
        [declined] ⛔ The community will not take it further
        [closed] ⛔ Closed
        [reissued] 🔄 Cancelled; the community has issued a new order
       *[other] ⛔ Cancelled
    }: no need to take it. Thank you!
order-notice-offer-moved = 🛠 Order { $number }: { $title }
    📍 Its place was corrected to { $place }, outside your area: no need to take it. Thank you!
order-notice-staff-claimed = Order { $number } ({ $title }) is fully claimed.
order-notice-released = { $name } gave back order { $number }: { $reason }. It is offered again to { $count ->
        [one] 1 member
       *[other] { $count } members
    }.
order-notice-released-nobody = ⚠️ { $name } gave back order { $number }: { $reason }. No other member fits it, so nobody can see it now; you can offer it to every member of the community.
order-notice-partner-released = Order { $number }: { $name }, who claimed it with you, gave it back; it is yours to carry on. { $offered ->
        [yes] It has been offered again for someone to join you.
       *[other] The community will find someone to join you.
    }
order-notice-assigned = Staff gave you order { $number } ({ $title }).
order-notice-unassigned = Order { $number } ({ $title }) went to someone else. Thank you.
order-notice-co-done = Order { $number } ({ $title }): { $name } reported it done; waiting for staff to check.
order-notice-member-note = 💬 Order { $number } ({ $title }) · from { $name }, who took it: { $note }
order-notice-verify = Order { $number } ({ $title }) is done; please check it.
    What was done: { $note }
    { $photos ->
        [0] Photos: none attached
       *[other] Photos: { $photos }
    }
order-notice-verify-reminder = ⏰ Order { $number } ({ $title }) was reported done a day ago and is not checked yet; please check it.
    What was done: { $note }
    { $photos ->
        [0] Photos: none attached
       *[other] Photos: { $photos }
    }
order-notice-result = ✅ Your request { $number } is done: { $answer }
    Please rate the service:
order-notice-result-follower = ✅ Your request { $number } (handled together with request { $target }) is done: { $answer }
    It is closed with that request. If something is still wrong, tap "{ menu-order-new }" and tell us.
order-notice-rate-reminder = Request { $number } is done. Are you satisfied? Please rate it below.
# a rating notice once the result was rated (here or on the request's card): no buttons
order-notice-result-rated = ✅ Your request { $number } is done: { $answer }
    { order-rated-line }
order-notice-transfer-answer-rated = Request { $number } has an answer: { $answer }
    { order-rated-line }
order-notice-transfer-answer-closed-unrated = Request { $number } has an answer: { $answer }
    { order-closed-unrated-line }
order-notice-rate-reminder-rated = Request { $number } is done.
    { order-rated-line }
order-rated-line = { $score ->
    [satisfied] Your rating: { order-rate-satisfied }
    [basic] Your rating: { order-rate-basic }
   *[unsatisfied] Your rating: { order-rate-unsatisfied } (passed back to the community to handle again)
}
# a rating notice once the follow-up window passed without a rating: no buttons
order-notice-result-closed-unrated = ✅ Your request { $number } is done: { $answer }
    { order-closed-unrated-line }
order-notice-rate-reminder-closed-unrated = Request { $number } is done.
    { order-closed-unrated-line }
order-closed-unrated-line = No rating came in during the follow-up period, so the request was closed without one and can no longer be rated. If the problem is still there, or you want to tell the community something, tap "{ menu-order-new }" and tell us.
order-notice-sent-back = Order { $number } was sent back: { $note }
    When it is put right, tap "✅ Report done" to report it again.
order-notice-verified = 🎉 Order { $number } is accepted; you earned { $points } points. Thank you!
order-notice-cancelled = Order { $number } was cancelled by staff: { $reason }
order-notice-reopened = ⚠️ The resident is not satisfied with request { $number }: { $comment }. Please handle it again.
order-notice-reopened-no-reason = ⚠️ The resident is not satisfied with request { $number } (reason to follow). Please handle it again.
order-notice-reopened-reason = The resident of request { $number } says what is wrong: { $comment }
order-notice-reopened-complaint = 📣 The resident of request { $number } makes a complaint (kept in the ledger; not passed on to the person) about what is wrong: { $comment }
order-notice-escalated = ⚠️ Nobody has claimed order { $number } ({ $title }) for long; please arrange it.
order-notice-unanswered = ⏰ Request { $number } has not been answered yet; please handle it.
order-notice-deadline-near = ⏰ Order { $number } ({ $title }) is nearly due{ $due ->
        [none] {""}
       *[other] : { $due }
    }. Please hurry; once it is done, tap "{ order-btn-report-done }".
order-notice-deadline-near-staff = ⏰ Order { $number } ({ $title }) is nearly due and nobody has claimed it.
order-notice-overdue = ⏰ Order { $number } ({ $title }) is past its time limit.
order-notice-overdue-member = ⏰ Your order { $number } ({ $title }) is past its time limit{ $due ->
        [none] {""}
       *[other] {" "}({ $due })
    }. Please finish it or tell the staff: tap "{ order-btn-report-done }" once it is done, or "{ order-btn-tell }" if something is in the way.
order-notice-transfer-follow-up = ⏰ Request { $number } was transferred to "{ $unit }" and has no answer yet; please follow up.
order-notice-transfer-still-open = ⏰ Request { $number } was transferred to "{ $unit }"; its latest progress: { $answer }
    It is not done yet; please follow up again.
order-notice-review-asked = 🔁 The resident asks for a review of request { $number } (declined before: { $declined })
    Why: { $reason }
order-public-card = <b>📣 Service done</b>{ $status ->
        [reopened] {"\u000A"}🔁 Update: the resident was not satisfied with the result; the community is handling it again.
        [satisfied] {"\u000A"}✅ Update: handled again by the community; the resident is satisfied.
        [basic] {"\u000A"}✅ Update: handled again by the community; the resident is mostly satisfied.
        [closed] {"\u000A"}✅ Update: the community followed it up again; the matter is closed.
       *[none] {""}
    }
    { $title } ({ $category })
    Where: { $where }
    By: { $by }
    Result: { $note }
# the order is called by its category's name: the category, in the reader's language
order-public-card-plain = <b>📣 Service done</b>{ $status ->
        [reopened] {"\u000A"}🔁 Update: the resident was not satisfied with the result; the community is handling it again.
        [satisfied] {"\u000A"}✅ Update: handled again by the community; the resident is satisfied.
        [basic] {"\u000A"}✅ Update: handled again by the community; the resident is mostly satisfied.
        [closed] {"\u000A"}✅ Update: the community followed it up again; the matter is closed.
       *[none] {""}
    }
    { $category }
    Where: { $where }
    By: { $by }
    Result: { $note }

## Errors

order-err-not-found = That request or order was not found.
order-err-note-words = Please write a line or two in words, e.g. “Nobody answered the door” or “Need a spare part, back tomorrow”.
order-err-release-reason = Please write in a few words why you are giving it up, e.g. “I have to travel” or “I can't fix this”, so the community can find someone else.
order-err-changed = Someone has just acted on this, so this button no longer works. To see where it stands now, open it again from the menu below.
order-changed-redrawn = Someone has just acted on this. The card now shows where it stands.
order-step-overtaken = Request { $number } changed while you were typing (a colleague acted on it, or the resident withdrew it): it is now "{ $status }". This step was not saved; here is how it stands now.
order-stale-change = { $who } did "{ $what }" at { $when }
order-stale-change-unknown = a colleague has just acted on it
order-list-stale = This list is out of date: { $change }. The card now shows where it stands.
order-card-stale = This card is out of date: { $change }. The latest card has been updated.
order-list-stale-alert = This list is out of date; the card has been updated.
order-form-overtaken = The order for request { $number } was not published: while you were filling it in, { $change }. The form is closed and nothing was saved; the card shows the request as it is now.
order-form-overtaken-alert = The order was not published: a colleague has just acted on this. The card has been updated.
order-report-overtaken = { $ended } What you just sent was not kept, and this report is closed. { $change }. Your order card now shows where it stands.
order-err-moved-away = 📍 Request { $number } has moved to { $place } and is handled by { $grid } now, not by you: this button no longer works.
order-err-place-claimed = Order { $order } has been claimed, so the place can no longer be changed. If it is wrong, contact the member who claimed it, or cancel the order first.
order-err-place-changed = The place of request { $number } has just changed, so the order was not issued. Open the request again to see where it is now, then issue the order.
order-err-already-handled = This request is already being handled; it can no longer be changed or withdrawn.
order-err-already-withdrawn = This request has already been withdrawn.
order-err-info-full = This request holds no more text: with these { $length } characters it would be over { $limit }, so they were not added. Please shorten them, or place a new request.
order-err-info-closed = This request is finished (or was withdrawn or merged); information can no longer be added. If something new came up, please place a new request.
order-err-already-claimed = You have already claimed this order.
order-err-taken = { $why ->
        [done] Someone has done this order already: no need to take it.
        [direct] The community is handling this matter directly: no need to take it.
        [transferred] This matter was handed over to another agency: no need to take it.
        [merged] This order was merged into another request: no need to take it.
        [declined] The community will not take this matter further: no need to take it.
        [closed] This order is closed: no need to take it.
        [reissued] This order was cancelled; the community has issued a new one.
        [cancelled] This order was cancelled: no need to take it.
       *[other] Too late — this order is already fully claimed.
    }
order-err-rated = This request has already been rated.
order-err-rated-earlier = This message asked about an earlier result, which was rated already. Please rate the latest result from its new notice or from { menu-order-mine }.
order-err-closed-unrated = No rating came in during the follow-up period, so this request was closed and can no longer be rated. If something is still wrong, tap "{ menu-order-new }" and tell us.
order-err-category = No such category.
order-err-channel = Please choose how the resident got in touch.
order-err-members = Members needed must be from 1 to { $limit }.
order-err-points = Points must be from 0 to { $limit }.
order-err-hours = The time limit must be from 1 to { $limit } hours.
order-form-err-unread = Sorry, I could not read “{ $typed }”. On the order form you can type:
    · points, e.g. “15 points”
    · the time limit, e.g. “3 days”, “48 hours”, “tomorrow 5pm”
    · members needed, e.g. “4 people”
    several at once, separated by commas, e.g. “3 people, 20 points, 3 days”,
    or tap the buttons on the form above; to change the title, tap “{ order-btn-edit-title }”.
order-form-err-bare = Is “{ $number }” the points, the time limit or the members needed? Please type it again with its unit, e.g. “{ $number } points”, “{ $number } hours” or “{ $number } people”.
order-form-err-points = Sorry, points must be from 0 to { $limit }; you typed { $value }. Please type it again, or tap a button above.
order-form-err-members = Sorry, members needed must be from 1 to { $limit }; you typed { $value }. Please type it again, or tap a button above.
order-form-err-hours = Sorry, the time limit must be from 1 hour to { $days } days; you typed “{ $typed }”. Please type it again, or tap a button above.
order-form-err-past = Sorry, { $time } has already passed. Please type a deadline still to come, e.g. “tomorrow 5pm”.
order-form-err-too-soon = Sorry, the deadline { $time } is less than an hour away, too soon to get it done. Please leave at least an hour, e.g. “3 hours” or “tomorrow 5pm”.
order-form-err-too-far = Sorry, the deadline { $time } is too far away: the time limit is at most { $days } days. Please type a time within { $days } days.
order-form-err-day-only = At what time on “{ $typed }”? Please add the hour, e.g. “Fri 5pm” or “tomorrow 18:00”.
order-form-err-day-past = Sorry, “{ $typed }” has already passed. Please type a deadline still to come, e.g. “tomorrow 5pm”.
order-err-number = Please type the request number (digits).
order-err-merge-target = No request to merge into (it must be open and in the same community).
order-err-merge-self = Request { $number } cannot be merged into itself. Please type the number of another open request.
order-err-too-many = You have filed { $limit } requests in the last 24 hours; please submit again in { $hours ->
        [0] { $minutes } { $minutes ->
            [one] minute
           *[other] minutes
        }
        [one] about an hour
       *[other] about { $hours } hours
    }. If it is urgent, please phone the community.
order-err-burst = You have filed { $limit } requests in the last { $window } minutes. To keep out spam, please submit again in { $minutes } { $minutes ->
        [one] minute
       *[other] minutes
    }. If it is urgent, please phone the community.
order-draft-kept = What you wrote is kept, nothing is lost. Tap "✅ Submit" above when the time is up, or tap "📝 Report a problem" to bring it back.
order-draft-held = Your request that could not be submitted last time is still here; you can submit it now:
order-draft-expired = This draft was not submitted within { $days } days and has been cleared; nothing was filed. Tap “{ menu-order-new }” to write it again.

## Stats and the ledger

order-stats-choose =
    Choose the period:
    <i>For another period, just say it ("last week", "November", "last 30 days"), or write it after the command: /stats 2026-11 (a month), /stats 2026 (a year) or /stats 2026-11-01 2026-11-30.</i>
order-period-week = this week
order-period-month = this month
order-period-year = this year
order-period-last_month = last month
order-period-days = { $first } to { $last }
order-stats-err-period = Which period? Say "last month" or "last 30 days", or write it like this: /stats 2026-11 (a month), /stats 2026 (a year), /stats 2026-11-01 2026-11-30 (from – to). Or send /stats alone and tap this week, this month, last month or this year.
order-stats-err-order = The start, { $first }, is after the end, { $last }. Write the start first, then the end, for example /stats 2026-11-01 2026-11-30.
order-stats-title = <b>Ledger · { $period }</b>
order-stats-total = { $total } requests · { $overdue } overdue
order-stats-rates = Response { $response } · resolution { $resolution } · satisfaction { $satisfaction } ({ $rated } rated)
order-stats-awaiting = { $count } more filed less than 24 h ago and not answered yet: not counted in the response rate yet.
order-stats-times = Median first response { $response } · median resolution { $resolve }
order-stats-minutes = { $minutes } min
order-stats-hours = { $hours } h
order-stats-by-status = By status: { $items }
order-stats-group = { $name }: { $total } · response { $response } · resolution { $resolution } · satisfaction { $satisfaction }
order-stats-grid-scope = { $community } · { $grids }
order-stats-by-grid = By grid (resolution): { $items }
order-stats-grid-item = { $name } { $count } ({ $rate })
# matters in no grid (a public area of the whole community, an address without a grid)
order-stats-no-grid = no grid
order-stats-member = { $name } { $count } orders / { $points } points
order-stats-by-category = By category: { $items }
order-stats-by-member = Members: { $items }
order-stats-definitions = <i>Response rate = requests first answered within 24 h ÷ requests due for an answer (answered, or filed 24 h ago or more); resolution rate = done ÷ accepted; satisfaction rate = satisfied or mostly satisfied ÷ rated.</i>
order-chart-title = Requests and results · { $period }
order-chart-filed = new requests
order-chart-resolved = resolved
order-btn-export = 📥 Export ledger (Excel)
order-export-working = Preparing the ledger…
order-export-busy = Still preparing the ledger, please wait.
order-export-failed = The ledger could not be prepared. Please tap “{ order-btn-export }” again in a while.
order-export-done = The ledger is ready: { $rows } matters.

order-xlsx-sheet = Ledger
order-xlsx-number = No.
order-xlsx-filed = Filed
order-xlsx-channel = Channel
order-xlsx-community = Community
order-xlsx-grid = Grid
order-xlsx-building = Building
order-xlsx-room = Room
order-xlsx-contact = Contact
order-xlsx-phone = Phone
order-xlsx-category = Category
order-xlsx-urgent = Urgent
order-xlsx-text = Request
order-xlsx-status = Status
order-xlsx-first-response = First response
order-xlsx-handling = Handled by
order-xlsx-order = Order
order-xlsx-members = Members
order-xlsx-deadline = Due
order-xlsx-result-time = Done at
order-xlsx-result = Result
order-xlsx-rating = Rating
order-xlsx-comment = Comment
order-xlsx-overdue = Overdue
order-xlsx-history = History
order-xlsx-m-sheet = Volunteer service
order-xlsx-m-name = Name
order-xlsx-m-unit = Work unit
order-xlsx-m-community = Community
order-xlsx-m-skills = Skills
order-xlsx-m-claimed = Claimed
order-xlsx-m-done = Completed
order-xlsx-m-released = Released
order-xlsx-m-hours = Service hours
order-xlsx-m-points = Points
order-xlsx-m-rated = Rated
order-xlsx-m-satisfied = Satisfaction
order-xlsx-note-need = members needed
order-xlsx-note-points = points
order-xlsx-note-claimed = { $claimed } of { $needed } taken
order-xlsx-note-by-staff = assigned by staff
order-xlsx-note-skills = skills asked before: { $skills }
order-xlsx-note-round = round { $round }
order-xlsx-note-voice = a voice message
# a merge's history line, the other matter named in it (on the one merged, on the one it went into)
order-history-merge = merged into { $number }
order-history-merged_in = { $number } merged into this one
order-history-join = the resident found it the same matter: merged into { $number }
order-history-joined = a resident found { $number } the same matter: merged into this one
# the result column of a matter declined: the reason the resident was given
order-xlsx-declined = Declined: { $reason }
order-xlsx-note-by-phone = by phone
order-xlsx-note-transfer = To: { $unit }
order-xlsx-note-transfer-note = Note: { $note }
order-cstatus-active = active
order-cstatus-released = released
order-cstatus-reassigned = reassigned
order-cstatus-done = done
order-cstatus-cancelled = cancelled

order-action-file = filed
order-action-add_info = information added
order-action-withdraw = withdrawn
order-action-issue_order = order issued
order-action-order_open = order published
order-action-offer_all = offered to all members
order-action-handle = handled by staff
order-action-transfer = transferred
order-action-transfer_back = transfer returned
order-action-transfer_answer = unit answered
order-action-transfer_progress = unit reported progress
order-action-review = review asked
order-action-merge = merged
order-action-merged_in = merged in
order-action-join = joined by the resident as the same matter
order-action-joined = a resident joined it as the same matter
order-action-decline = declined
order-action-close = closed
order-action-result = result
order-action-claim = claimed
order-action-order_full = fully claimed
order-action-release = given back
order-action-member_note = note from the member
order-action-order_reopen_slot = reopened for claims
order-action-reassign = reassigned
order-action-done = reported done
order-action-send_back = sent back
order-action-verify = verified
order-action-claim_done = claim done
order-action-cancel = cancelled
order-action-order_cancelled = order cancelled
order-action-rate_satisfied = rated satisfied
order-action-rate_basic = rated mostly satisfied
order-action-rate_unsatisfied = rated not satisfied
order-action-rate_comment = comment on the rating
order-action-close_unrated = closed unrated
order-action-category = category changed
order-action-move_place = place changed
order-action-mark_urgent = marked urgent
order-action-unmark_urgent = urgency removed
order-action-escalate = escalated
order-action-reoffer = offered again
order-action-overdue = overdue

## Urgency reasons (codes from services/triage/urgency.py)

order-urgent-by-resident = marked by the resident
order-urgent-staff = marked by staff
order-urgent-fall = a fall
order-urgent-unconscious = unconscious
order-urgent-medical = medical emergency
order-urgent-poisoning = poisoning
order-urgent-gas = gas
order-urgent-fire = fire
order-urgent-electric = electrical danger
order-urgent-flooding = flooding
order-urgent-alone_unreachable = lives alone, unreachable
order-urgent-missing = missing person
order-urgent-trapped = trapped
order-urgent-violence = violence
order-urgent-self_harm = self-harm
order-urgent-falling_object = falling objects
order-urgent-collapse = collapse
card-action-which = Which request is it? Open it first: send its number (e.g. 00012), or tap “{ $queue }” and then “Open …”; then tap “{ $button }” on its card.
card-action-tap = Please tap “{ $button }” on the card above.
order-typed-release-one = Give back order { $number } ({ $title })? Tap "{ order-btn-release }" below and say why in a few words, so the community can find someone else. If not, just ignore this.
order-typed-release-which = You have { $count } orders in hand: which one do you give back? Tap its button and say why. If none, just ignore this.
order-btn-release-of = ↩️ Give back { $number } { $title }
order-typed-news-one = Is this about order { $number } ({ $title })? Tap "💬 Tell the community" and these words go to the staff as they are, and into the ledger.
    If it is a matter of your own household, tap "{ fallback-file-button }".
order-typed-news-which = Which order is this about? Tap "💬 Tell the community" under that one and these words go to the staff as they are, and into the ledger.
    If it is a matter of your own household, tap "{ fallback-file-button }".
order-typed-handover-one = Order { $number } ({ $title }) cannot be passed to someone else directly: the community office reassigns it.
    Tap "💬 Tell the community" and these words go to the staff as they are; if you cannot do it, tap "{ order-btn-release }" and say why, and the office will find someone else.
order-typed-handover-which = An order cannot be passed to someone else directly: the community office reassigns it. You have { $count } orders in hand:
    tap "💬 Tell the community" under the one you mean and these words go to the staff as they are; if you cannot do it, tap its "↩️ Give back" and say why, and the office will find someone else.

# 👤 assign: staff give a free place on an open order to a member they chose
order-btn-assign = 👤 Assign to a member
order-assign-none = No member can be assigned (with the skills and area, not already on it).
order-assign-choose = Assign to whom? The member chosen is told and the order is theirs.
order-assigned = Order { $number } is assigned to { $name }; they have been told.

# praise: a resident's praise passed on (handlers.praise, services.praise)
praise-ask-member = Thank you! Shall I pass these words on to { $name } (who served on your request { $number }) and to the community?
praise-ask-staff = Thank you! Shall I pass these words on to the community?
praise-btn-send = 🌟 Pass it on
praise-btn-drop = No, thanks
praise-gone = This praise was dealt with already. To praise again, just say it again.
praise-sent-member = Passed on to { $name } and the community. Thank you!
praise-sent-staff = Passed on to the community. Thank you!
fallback-choice-praise = Praise passed on
praise-notice-member = 🌟 A resident praised you (order { $number }: { $title }):
    "{ $text }"
    Thank you for your work!
praise-notice-staff = 🌟 A resident praised { $name } (request { $number }):
    "{ $text }"
praise-notice-staff-general = 🌟 { $resident } praises the community:
    "{ $text }"
order-action-praise = Praise from the resident
fallback-choice-nopraise = Not passed on

# complaint: a resident's complaint about who served them, to staff only (handlers.complaint, services.complaint)
complaint-ask-matter = Shall I pass your concern on to the community? It goes to the staff in charge of request { $number }, not to the person themselves.
complaint-ask-staff = Shall I pass your concern on to the community? It goes to the staff of your grid, not to the person themselves.
complaint-ask-rating = Request { $number } is not rated yet: if it was not done well, you can also tap "😞 Not satisfied" and it will be handled again.
complaint-btn-send = 📣 Tell the community
complaint-btn-unsatisfied = 😞 Not satisfied, handle it again
complaint-btn-drop = No, thanks
complaint-gone = This concern was dealt with already. To raise it again, just say it again.
complaint-sent = Passed on to the community: the staff will follow it up. Thank you for telling us.
complaint-with-rating-ahead = These words will also go as a complaint to the staff in charge of request { $number }, not to the person.
complaint-with-rating = Your complaint has also gone to the staff in charge of request { $number } (not to the person); they will follow it up.
complaint-rated = Recorded as "😞 Not satisfied": request { $number } will be handled again, and what you said went to the staff, who will follow it up.
complaint-rated-unsatisfied = Recorded as "😞 Not satisfied": request { $number } will be handled again. Your complaint went to the staff in charge of request { $number } (not to the person); they will follow it up and contact you soon.
complaint-notice-staff = 📣 Resident { $resident } raises a concern about { $name } (request { $number }; not passed on to them):
    "{ $text }"
    Please follow it up.
complaint-notice-staff-general = 📣 Resident { $resident } raises a concern about the service:
    "{ $text }"
    Please follow it up.
order-action-complaint = Complaint from the resident
fallback-choice-complaint = Told the community
fallback-choice-unsatisfied = Not satisfied, handled again
fallback-choice-nocomplaint = Not passed on

# assign typed by staff: 'assign G00002 to 赵敏' (handlers.assign_typed, services.typed_assign)
assign-typed-confirm = Assign order { $number } ({ $title }) to { $name }? They will be told, and the order is theirs.
assign-typed-btn-confirm = ✅ Assign
assign-typed-btn-drop = No, thanks
assign-typed-dropped = All right, not assigned.
assign-typed-which = Several members who can take order { $number } ({ $title }) look like "{ $name }": please choose one.
assign-typed-unknown = No member who can take order { $number } ({ $title }) is "{ $name }" (or they are on it already, or their skills or area do not fit). These can take it:
assign-typed-issue-first = Request { $number } has no order yet, so it cannot be assigned to "{ $name }" directly. First tap "📤 Issue order" on the card above, then "👤 Assign to a member" on the order's card.
assign-typed-full = Order { $number } has no free place to assign (claimed in full, done or cancelled). To change who does it, reassign on the order's card above.

# 📞 Called back (handlers.call_back_staff): a call-back matter's call recorded by staff
order-action-call_back = Resident asked for a call back
order-action-called_back = Called back
order-action-call_settled_urgent = The note read urgent; staff confirmed it was settled on the phone and closed it
order-action-call_back_words = Described after the call (the note keeps the words before)
order-btn-called-back = 📞 Called back
order-ask-callback-note = 📞 Request { $number }: what came of the call? Write a few words for the ledger (e.g. "explained how to apply"), or tap "Skip".
order-ask-callback-outcome = Request { $number }: was it settled on the phone, or is there something to be done?
order-btn-callback-settled = ✅ Settled on the phone, close it
order-btn-callback-matter = 📋 Something to do, keep it in the queue
order-ask-callback-text = Write what is to be done, as the words of request { $number }. They are now:
    { $text }
    Tap "Skip" to keep them.
order-ask-callback-category = Which category is request { $number }? (Suggested: { $category })
order-callback-settled = Call recorded: request { $number } was settled on the phone and is closed. The resident is told.
order-callback-settled-night = Call recorded: request { $number } was settled on the phone and is closed. It is quiet hours now: the resident will be told at { $at }.
order-callback-kept = Call recorded: request { $number } has its words and category updated and waits in the queue: issue an order, handle it or transfer it.
order-callback-sounds-urgent = ⚠️ What you noted sounds urgent ({ $reasons }): "{ order-btn-callback-matter }" makes it an urgent request, and the grid's staff are alerted at once.
order-callback-confirm-urgent = ⚠️ What you noted sounds urgent ({ $reasons }). Once request { $number } is closed, nobody follows it up.
    Was it really settled on the phone? If not, choose "{ order-btn-callback-alert }": it is handled as an urgent request and the grid's staff are alerted at once.
order-btn-callback-alert = 🚨 Keep it open, alert the grid
order-btn-callback-confirm = ✅ Yes, settled: close it
order-callback-kept-open-urgent = 🚨 Request { $number } was not closed: it is handled as urgent and the grid's staff have been alerted. Please go on to issue an order, handle it directly or transfer it.
order-callback-kept-urgent = 🚨 From what you noted, this is now an urgent request: the grid's staff have been alerted.
order-notice-called-back-settled = The community called you back. What you talked about on the phone (request { $number }) is taken care of. Whenever you need something else, just tell us.
order-notice-called-back-matter = The community called you back. What you told them is noted (request { $number }); we will arrange for it to be done soon and tell you how it goes.
