## Registration, profile, members (双报到), staff and admins

reg-consent = <b>How we use your personal data</b>
    Under China's Personal Information Protection Law, to serve you we need to keep: your community, grid, building and room, and a phone number if you choose to give one.
    • It is used only to handle the matters you report and for community notices;
    • only this community's staff and the volunteers serving you can see your room and phone;
    • published results never show your name, phone or room;
    • you can delete your personal data at any time with /forget.
    Agree to continue.
reg-agree = ✅ Agree and continue
reg-disagree = I do not agree
reg-consent-typed = ✅ Thank you: you have agreed to how your personal information is used.
reg-declined = All right, we will not keep your data. You can still read the help; tap "🏠 Register address" whenever you like.
reg-choose-community = Please choose your <b>community</b>:
reg-no-communities = No communities have been set up yet. Please contact your community office.
reg-choose-grid = Please choose your <b>grid</b> (tap "Not sure" if you do not know):
reg-choose-building = Please choose your <b>building</b>:
reg-ask-room = Please type your <b>room number</b>, e.g. "302" or "Unit 2, 301":
reg-ask-phone = Finally, you may leave a phone number so staff can reach you (optional).
    Tap "📱 Share my phone number" below.
reg-share-phone = 📱 Share my phone number
reg-phone-use-button = Please tap "📱 Share my phone number", or "Skip".
reg-phone-invalid = That number does not look right. Type an 11-digit mobile number (e.g. 139 0000 0001) or a landline with its area code (e.g. 021-12345678), or tap "{ reg-share-phone }"; to leave none, tap "{ common-skip }".
reg-phone-button-not-text = “{ $label }” is a button, not a phone number. Please tap “{ reg-share-phone }” or type an 11-digit mobile number; tap “{ common-skip }” to leave none.
reg-done = Registration complete! Your address: { $address }
reg-done-phone = Phone: { $phone }
reg-start-now = 🏠 Register now
reg-already-done = Your address is already registered.
reg-new-resident-card = 🏠 New resident: { $name }
    Address: { $address }
    Please check and tap "Verify".
reg-verify = ✅ Verify
reg-verified = Verified: { $name }
reg-verified-by-other = This resident has already been verified.
reg-card-outdated = This resident has changed their address since; this card is out of date. A new card was sent to the community staff: please verify on that one.

profile-title = <b>My profile</b>
profile-name = Name: { $name }
profile-address = Address: { $address }
profile-address-none = Address: not registered
profile-phone = Phone: { $phone }
# a contact shared at the menu, not at a phone step (on_contact_at_menu)
profile-contact-ask = Keep { $phone } as your contact phone? (Now on file: { $old }) Staff and the volunteer on your request use it to reach you when needed.
profile-contact-keep = ✅ Keep it
profile-contact-drop = No, thanks
profile-contact-dropped = All right, your phone is unchanged.
profile-contact-same = Your contact phone is already { $phone }.
profile-contact-not-own = That is someone else's contact: we do not keep it. Only your own number can be your contact phone; to report something for someone else, just tell us what it is.
profile-contact-register-first = Please register your address first: its last step shares your phone number with one tap.
profile-phone-none = Phone: not given
profile-verified = Address verified by the community
profile-roles = Roles: { $roles }
profile-member = Volunteer sign-up: { $status }
profile-edit-address = 🏠 Change address
profile-edit-phone = 📱 Change phone
profile-forget = 🗑 Delete my data
profile-named-on = Results and points board: my name is shown ({ $name })
profile-named-off = Results and points board: my name is not shown, only “{ $masked }”
profile-named-hide = 🙈 Don't show my name on results
profile-named-show = 🙋 Show my name on results
profile-named-changed-on = Your name “{ $name }” will be shown: on the points board at once, and on results published from now on. Results already published stay as they are.
profile-named-changed-off = Your name will not be shown: the points board reads “{ $masked }” at once, and so will results published from now on. Results already published stay as they are.
forget-confirm = Delete your personal data?
    This deletes your name, address, room, phone and volunteer details. Records of handled matters stay, no longer linked to you.
    Your sign-ups for meetings still to come are withdrawn, with their reminders.
forget-confirm-claims = ⚠️ The orders you are working on ({ $numbers }) will go back to the community, which will offer them to other volunteers. If you want to finish one first, report it done before deleting.
forget-yes = Yes, delete
forget-no = No, keep it
forget-done = Your personal data has been deleted. Tap "🏠 Register address" to register again.
forget-kept = All right, nothing was deleted.

member-status-pending = under review
member-status-approved = approved
member-status-rejected = not approved
member-status-suspended = suspended

member-consent = <b>How we use your personal data</b>
    Under China's Personal Information Protection Law, to sign you up as a volunteer or Party member we need to keep: your real name, work unit, phone number, skills, and the community and grid you serve.
    • It is used only for the community to review your sign-up, to offer you suitable tasks and to record your service points and hours;
    • only the staff of the community and the sub-district office can see your work unit and phone number;
    • you choose, a few steps on, whether published results and the points board show your name;
    • you can delete your personal data at any time with /forget.
    Agree to continue the sign-up.
member-declined = All right, the sign-up stops here; your name, work unit and phone number are not kept. Tap “{ menu-become-member }” whenever you want to sign up.
member-intro = <b>Volunteer and Party member sign-up</b>
    Once approved you can claim community service tasks and earn service points and hours. We need your real name, work unit, phone, skills and the community you serve.
    Please type your <b>real name</b>:
member-ask-unit = Please type your <b>work unit</b> (e.g. "District Education Bureau", "retired"):
member-ask-phone = Please give your <b>phone number</b>: tap the button below, or type an 11-digit mobile number.
member-ask-skills = Choose your <b>skills</b> (several allowed; tap "Done" when finished), or type other skills:
member-skills-done = ✅ Done
member-skills-ticked = Ticked: { $skills }
member-skills-custom = Other skills: { $skills }
member-ask-community = Choose the <b>community</b> you will serve:
member-ask-grid = Choose the <b>grid</b> you will serve (or "Any"):
member-any-grid = Any grid
member-ask-named = Show <b>my name</b> on published results and the points board?
    Finished tasks are posted to the community's public channel, and the points board lists the volunteers who served.
    • Show: “{ $name }”
    • Don't show: only the first letter of your name, as “{ $masked }”
    You can change this at any time in “{ menu-profile }”.
member-named-yes = ✅ Show my name
member-named-no = 🙈 Don't show it, write “{ $masked }”
member-named-shown = name shown ({ $name })
member-named-hidden = name not shown, only “{ $masked }”
member-consent-notice = 🙈 From now on, published results and the points board <b>do not show your name</b>, only “{ $masked }”, unless you agree to show “{ $name }”.
    You were not asked when you signed up, so it is hidden for now. Please choose below; you can change it at any time in “{ menu-profile }”.
member-consent-btn-show = 🙋 Show “{ $name }”
member-consent-btn-hide = 🙈 Keep it hidden (“{ $masked }”)
member-confirm = Please confirm your sign-up:
    Name: { $name }
    Unit: { $unit }
    Phone: { $phone }
    Skills: { $skills }
    Community: { $community }
    Results and points board: { $named }
member-submitted = Submitted. The community will review it and let you know.
member-submitted-night = 🌙 It is the night quiet time: community staff will get your sign-up at { $time }.
member-already-pending = Your sign-up is under review; please wait for the result.
member-already-approved = You are already a registered volunteer.
member-already-reviewed = This sign-up has already been handled: { member-outcome }.
member-already-reviewed-by = { $by } has already handled this sign-up: { member-outcome }.
member-outcome = { $outcome ->
        [approved] approved
        [rejected] not approved
        [suspended] approved, since suspended
       *[other] handled
    }
member-application-gone = This sign-up is no longer here (the applicant deleted their data).
member-review-card = 🧾 <b>Volunteer sign-up</b>
    Name: { $name }
    Unit: { $unit }
    Phone: { $phone }
    Skills: { $skills }
    Community: { $community }
member-approve = ✅ Approve
member-reject = ❌ Reject
member-review-decided-approved = ✅ Approved by { $by } · { $time }
member-review-decided-rejected = ❌ Not approved by { $by } · { $time }
    Reason: { $reason }
member-ask-reject-reason = Please type the reason for rejecting (the applicant will see it):
member-approved-staff = Approved: { $name }
member-rejected-staff = Rejected: { $name } (reason: { $reason })
member-approved-user = 🎉 Your volunteer sign-up was approved! You can now claim tasks under “{ menu-order-open }”.
member-rejected-user = Sorry, your volunteer sign-up was not approved. Reason: { $reason }
    Contact the community if you have questions, or sign up again with changes.
member-pending-none = No sign-ups are waiting for review.
member-pending-count = Sign-ups waiting for review: { $count }
member-pending-more = Sign-ups waiting for review: { $count }. Here are the oldest { $shown }; once they are decided, tap “{ $button }” again for the rest.

skill-plumbing = Plumbing
skill-electrical = Electrical repair
skill-appliance_repair = Appliance repair
skill-heating_gas = Heating and gas
skill-cleaning = Cleaning
skill-greening = Gardening
skill-mediation = Mediation
skill-elderly_care = Elderly care
skill-disability_help = Disability support
skill-escort = Escort to hospital or offices
skill-medical = Health care
skill-legal = Legal advice
skill-policy = Policy advice
skill-digital_help = Phone and computer help
skill-tutoring = Tutoring
skill-patrol = Safety patrol
skill-fire_safety = Fire safety
skill-moving = Moving help
skill-parking = Parking and traffic
skill-general = Errands
# everyday words for each skill, as members type them at the sign-up ('I can fix pipes'): they tick it
skill-plumbing-words = fix pipes, pipes, plumber, drains, toilets, taps, leaks
skill-electrical-words = electrician, electrics, wiring, light bulbs, lights, sockets
skill-appliance_repair-words = appliances, fix computers, computer repair, fix appliances, fridges, washing machines, air conditioners, TVs
skill-heating_gas-words = heating, gas, radiators, boilers
skill-cleaning-words = clean, cleaning up, tidying, sweeping
skill-greening-words = garden, gardens, plants, flowers, trees, greening
skill-mediation-words = mediate, settle disputes, disputes, conflicts
skill-elderly_care-words = help old people, old people, the elderly, elderly, care for the elderly, caring for old people, keep old people company
skill-disability_help-words = disabled people, disability, disabilities
skill-escort-words = take people to hospital, hospital visits, go with people to hospital, escort, accompany
skill-medical-words = doctor, nurse, medicine, first aid, health, blood pressure
skill-legal-words = lawyer, law, legal
skill-policy-words = policy, policies, pensions, social security
skill-digital_help-words = phones, smartphones, computers, teach phones, teaching phones, WeChat, the internet
skill-tutoring-words = tutor, homework, teaching kids, teaching children, lessons
skill-patrol-words = patrol, patrols, security, night watch
skill-fire_safety-words = fire, firefighting, fire prevention
skill-moving-words = moving, carrying, heavy lifting, lifting
skill-parking-words = parking, traffic, directing traffic
skill-general-words = errands, shopping, deliveries, anything, odd jobs

admin-menu = <b>Admin</b>
admin-invite = ➕ Invite community staff
admin-staff-list = 👥 Staff list
admin-choose-community = Invite staff for which community?
admin-invite-link = Invitation link ({ $community }, valid for { $hours } hours, single use):
    { $link }
    Send it to the new staff member; they open it and tap "Start".
admin-invite-again = This list has made its invitation link already ({ $community }), shown above; one list makes one link. To invite someone else, send /invite again.
admin-categories = 🏷 Request categories
admin-back = ⬅️ Back to admin
admin-staff-none = There are no community staff yet.
admin-staff-item = { $name } ({ $id }): { $communities }
admin-staff-scope-grid = { $community } ({ $grid })
admin-revoke = Revoke { $name }
admin-revoked = { $name } is no longer community staff.
admin-revoke-confirm = Take away { $name }'s community staff access? They will no longer handle requests, review sign-ups or send notices, and will be told.
admin-revoke-confirm-grid = Take away { $name }'s grid worker access in { $place }? They will no longer handle their grid's requests and orders, and will be told.
admin-revoked-grid = { $name } is no longer a grid worker in { $place }.
admin-revoked-grid-user = Your grid worker access in { $place } has been withdrawn. Please contact the sub-district admin with any questions.
admin-revoke-yes = ✅ Yes, revoke
admin-revoke-back = ⬅️ Back to the list
admin-revoke-gone = This person is no longer community staff (perhaps just revoked).
admin-admin-list = 👑 Admins
admin-admins-title = 👑 <b>Sub-district admins</b> ({ $count })
admin-admins-item = { $name } ({ $id })
admin-admins-item-self = { $name } ({ $id }) · you
admin-admins-item-settings = { $name } ({ $id }) · named in the settings; only the settings (LINLI_ADMIN_IDS) can remove them
admin-admins-never-opened = (has not opened the bot yet)
admin-admin-revoke-confirm = Take away { $name }'s sub-district admin access? They will no longer invite staff or change the org structure and categories, and will be told.
admin-admin-revoked = { $name } is no longer a sub-district admin.
admin-admin-revoke-gone = This person is no longer an admin (perhaps just revoked).
admin-admin-revoke-self = You cannot revoke your own admin access here; ask another admin.
admin-admin-revoke-settings = This admin is named in the settings (LINLI_ADMIN_IDS); only the settings can remove them.
invite-accepted = ✅ You are now staff of { $community }. The main menu has the staff functions.
invite-invalid = This invitation link is not valid. Please ask the admin for a new one.
invite-expired = This invitation link has expired. Please ask the admin for a new one.
invite-used = This invitation link has already been used. Please ask the admin for a new one.
invite-used-yours = You have already used this invitation link, and what it gave you still holds: no need to open it again. Just use the menu below.

cat-list-title = <b>Request categories</b> (code · name · default deadline · skills)
cat-list-item = <code>{ $code }</code> · { $name } · { $hours } h · { $skills }
cat-usage = To change them:
    <code>/category deadline CODE HOURS</code> change the default deadline
    <code>/category add CODE HOURS 中文名/English name skill1,skill2</code> add a category
    When a name has spaces, put the names in quotes, for example:
    <code>/category add pet_care 48 "宠物管理/Pet care" general,patrol</code>
    <code>/category rename CODE 中文名/English name</code> rename a category
    <code>/category hant CODE 繁體名</code> set the Traditional Chinese name (made by itself when you add or rename)
    <code>/category remove CODE</code> remove a category
    A new category is suggested by triage after the next retraining (nightly).
cat-skill-codes = Skill codes: { $skills }
cat-skill-code = <code>{ $code }</code> { $name }
cat-updated = ✅ Categories updated.
cat-replaced = Note: the category <code>{ $code }</code> already existed; this replaced its names, deadline and skills (before: { $name } · { $hours } h · { $skills }). To change only the deadline or the names, use <code>/category deadline</code> or <code>/category rename</code>.
cat-err-usage = That is not the right form. Send /categories to see how.
cat-err-hours = The deadline must be between 1 and 2160 hours (90 days).
cat-err-unknown = There is no category with the code "{ $code }".
cat-err-skills = These skill codes do not exist: { $skills }
    The skill codes are listed at the end of /categories.
    (If that is part of a name: when a name has spaces, put "中文名/English name" in quotes.)
cat-err-spaces = When a name has spaces, put "中文名/English name" in quotes, for example:
    <code>/category add pet_care 48 "宠物管理/Pet care" general,patrol</code>
cat-err-quote = A quote is not closed. Put the names between a pair of quotes, for example <code>"宠物管理/Pet care"</code>.
cat-err-names = Give both a Chinese and an English name, separated by "/", each at most 40 characters.
cat-err-code = This category cannot be saved: the code '{ $code }' must be 2 to 40 lowercase letters, digits and underscores, starting with a letter, e.g. <code>pet_care</code>.
cat-err-invalid = This category cannot be saved: { $reason }
cat-err-other = The "other" category cannot be removed.
cat-hant-made = Traditional Chinese name: { $name } (if it is wrong, change it with <code>/category hant { $code } NAME</code>)
cat-hant-none = No Traditional Chinese name was made (no Simplified-to-Traditional converter is installed here), so residents reading Traditional Chinese see "{ $name }". Set one with <code>/category hant { $code } NAME</code>.
cat-err-hant-spaces = When the Traditional name has spaces, put it in quotes, for example <code>/category hant pet_care "寵物 管理"</code>.
cat-err-hant-name = Please give the Traditional Chinese name, at most 40 characters.
cmd-categories = Request categories and deadlines

reg-typed-read = Got it: <b>{ $address }</b>. If that is not right, { $again ->
    [yes] you can change it again: { menu-profile } → { profile-edit-address }.
   *[no] you can change it afterwards: { menu-profile } → { profile-edit-address }.
}
reg-typed-not-read = I could not read an address from that. Please tap a button, or write the whole address: community, building and room, e.g. “… Community, Building 3, 502”.
reg-building-not-found = That building was not found in this community. Please choose yours below:
reg-picked = ✓ { $step }: { $value }
reg-step-community = Community
reg-step-grid = Grid
reg-step-building = Building
profile-ask-phone = Tap "📱 Share my phone number" to send your new number, or type an 11-digit mobile number.
profile-phone-keep = Keep it
profile-phone-use-button = Please tap "{ reg-share-phone }" or type an 11-digit mobile number; to leave it as it is, tap "{ profile-phone-keep }".
profile-phone-invalid = That number does not look right. Type an 11-digit mobile number (e.g. 139 0000 0001) or a landline with its area code (e.g. 021-12345678), or tap "{ reg-share-phone }"; to leave it as it is, tap "{ profile-phone-keep }".
profile-phone-remove = Remove my phone
profile-phone-updated = ✅ Phone number updated: { $phone }
profile-phone-unchanged = All right, your phone number is unchanged.
profile-phone-removed = ✅ Your phone number has been removed.
profile-phone-button-not-text = “{ $label }” is a button, not a phone number. Please tap “{ reg-share-phone }” or type an 11-digit mobile number; tap “{ profile-phone-keep }” to leave it as it is.
profile-quiet-on = Quiet hours: on (ordinary notices between { $start } and { $end } wait until morning; urgent ones come at once)
profile-quiet-community-off = Quiet hours: your community has switched them off; notices go at any time
profile-quiet-off = Quiet hours: off (you get ordinary notices at night too)
profile-quiet-disable = 🔔 Notify me at night too
profile-quiet-enable = 🔕 Turn quiet hours on
profile-quiet-typed-on = All right, no messages at night:
profile-quiet-typed-off = All right, you get notices at night too:
profile-quiet-typed-show = Your night-time setting:
profile-quiet-typed-hint = To change it, tap the button below.
profile-moving = All right, let us change your address (the community checks it again once it is changed).
forget-already = Your personal data has already been deleted.
profile-name-forgotten = (not kept)
member-card-outdated = The applicant has filed again since; this card is out of date. Tap "🧾 Sign-up reviews" to see the latest application.
admin-invite-used = ✅ { $name } used the invitation and is now staff of { $community }.
admin-revoked-user = Your community staff access has been withdrawn. Please contact the sub-district admin with any questions.
admin-revoked-admin-user = Your sub-district admin rights have been withdrawn. If you have questions, please contact the sub-district office.
err-admin-only = Only sub-district admins can use this.
forget-claim-reason = the volunteer deleted their personal data and left
admin-invite-grid = ➕ Invite a grid worker
admin-org = 🏘 Org structure
admin-choose-grid-community = Invite a grid worker for which community?
admin-choose-grid = Which grid of { $community } will the grid worker serve? Grid workers handle only their grid's requests and orders.
admin-no-grids = This community has no grids yet. Add one first under "🏘 Org structure".
admin-back-communities = ⬅️ Back to the communities
admin-grid-place = { $community } · { $grid }
admin-invite-grid-link = Grid worker invitation link ({ $place }, valid for { $hours } hours, single use):
    { $link }
    Send it to the new grid worker; they open it and tap "Start".
invite-accepted-grid = ✅ You are now a grid worker of { $community }. The main menu has the staff functions for your grid's requests and orders.
admin-staff-title = 👥 <b>Staff list</b> (community staff and grid workers of every community, { $count } in all)
admin-staff-title-page = 👥 <b>Staff list</b> (community staff and grid workers of every community, page { $page } of { $pages }, { $count } in all)
org-title = 🏘 <b>Org structure</b>: choose a community.
org-page = Page { $page } of { $pages }, { $count } in all
org-community = 🏘 <b>{ $community }</b>: { $grids ->
        [one] 1 grid
       *[other] { $grids } grids
    }. Tap a grid for its buildings.
org-grid-button = { $grid } ({ $count ->
        [one] 1 building
       *[other] { $count } buildings
    })
org-grid = 🏘 { $community } · <b>{ $grid }</b>: { $buildings ->
        [one] 1 building
       *[other] { $buildings } buildings
    }. Tap one to rename it or move it to another grid.
org-building = 🏠 <b>{ $building }</b> ({ $grid }, { $households ->
        [one] 1 household
       *[other] { $households } households
    })
org-add-grid = ➕ Add a grid
org-add-building = ➕ Add a building
org-rename-community = ✏️ Rename community
org-rename-grid = ✏️ Rename grid
org-rename-building = ✏️ Rename building
org-move-building = 🔀 Move to another grid
org-back-communities = ⬅️ Back to the communities
org-back-grids = ⬅️ Back to the grids
org-back-buildings = ⬅️ Back to the buildings
org-back-building = ⬅️ Back to the building
org-ask-grid-name = Type the new grid's name (at most { $limit } characters), e.g. Grid 3.
org-ask-building-name = Type the new building's name (at most { $limit } characters), e.g. Building 7.
org-ask-rename = What should "{ $name }" be called? Type the new name (at most { $limit } characters).
org-cancelled = Cancelled; nothing was changed.
org-add-community = ➕ New community
org-ask-community-name = Type the new community's name (at most { $limit } characters), e.g. 幸福社区.
org-ask-community-english = What is "{ $name }" called in English? Users of the English interface see it, and it is recognised when typed (e.g. Happiness Community). Type the English name (at most { $limit } characters), or tap "{ common-skip }" for none.
org-add-community-check = Please check, then confirm:
org-add-community-confirm = Create the community "{ $name }" (no English name: the English interface shows the Chinese name)? Once made, add its grids and buildings on its page.
org-add-community-confirm-english = Create the community "{ $name }", in English "{ $english }"? Once made, add its grids and buildings on its page.
org-add-community-yes = ✅ Create it
org-done-add-c = ✅ Community "{ $name }" created. Its page is below: tap "{ org-add-grid }" to add grids, then add buildings in each grid.
org-done-add-g = ✅ Grid "{ $name }" added.
org-done-add-b = ✅ Building "{ $name }" added.
org-done-ren-c = ✅ Community "{ $before }" is now called "{ $name }".
org-done-ren-g = ✅ Grid "{ $before }" is now called "{ $name }".
org-done-ren-b = ✅ Building "{ $before }" is now called "{ $name }".
org-done-same = The name is unchanged: "{ $name }".
org-err-name-empty = The name cannot be empty. Type a name, or tap "{ common-cancel }".
org-err-name-long = That name is too long ({ $length } characters); please keep it to { $limit } and type it again.
org-err-name-odd = That does not look like a name. Type the name itself, or tap "{ common-cancel }".
org-err-community-taken = There is already a community called "{ $name }". Please type another name.
org-err-grid-taken = This community already has a grid called "{ $name }". Please type another name.
org-err-building-taken = This community already has a building called "{ $name }" (building names are unique within a community). Please type another name.
org-err-gone = That item is no longer there (perhaps just changed). Please open "🏘 Org structure" again.
org-english-name = 🔤 English name
org-english-line = English name: { $name } (what users of the English interface see)
org-english-none = none
org-ask-english = What is "{ $name }" called in English? Users of the English interface see it, and it is recognised when typed (e.g. Sunshine Community). Now: { $english }. Type the English name (at most { $limit } characters), or { $clear } for none.
org-done-english = ✅ English name set to "{ $name }".
org-done-english-cleared = ✅ English name "{ $before }" removed; the English interface shows the Chinese name.
org-done-english-none = There was no English name; nothing changed.
org-err-english-latin = An English name needs Latin letters. Type it again, or tap "{ common-cancel }".
org-move-choose = Move "{ $building }" to which grid?
org-move-no-grid = This community has only one grid. Add a grid first, then move the building.
org-move-confirm = Move "{ $building }" to "{ $grid }"? Its residents then belong to "{ $grid }", and that grid's workers handle their new requests.
org-move-yes = ✅ Yes, move it
org-moved = ✅ "{ $building }" moved from "{ $before }" to "{ $grid }".
org-move-already = "{ $building }" is already in "{ $grid }": nothing to move.
org-err-move-open = "{ $building }" has { $count } unfinished requests ({ $numbers }{ $more ->
        [0] {""}
       *[other] and more
    }) and cannot move now: its grid's staff are handling them, and moving the building would part them from their grid. Please move it once they are finished.
admin-invite-used-grid = ✅ { $name } used the invitation and is now a grid worker of { $community }.
admin-invite-admin = 👑 Invite a sub-district admin
admin-invite-admin-confirm = 👑 <b>Invite a sub-district admin</b>
    An admin acts for every community, appoints and revokes staff, and edits the org structure, the categories and their deadlines. Make an admin invitation link? It works once; send it only to the person you are appointing.
admin-invite-admin-yes = ✅ Make the admin invitation link
admin-invite-admin-link = Admin invitation link (valid for { $hours } hours, single use):
    { $link }
    Send it to the new admin; they open it and tap "Start".
admin-invite-admin-again = This page has made its admin invitation link already, shown above. To invite someone else, open "⚙️ Admin" again.
invite-accepted-admin = ✅ You are now a sub-district admin. The main menu has "⚙️ Admin".
admin-invite-used-admin = ✅ { $name } used the invitation and is now a sub-district admin.

## Signing up again; approved members: suspend and restore
member-review-again = 🔁 Signing up again (last time not approved: { $reason })
member-again-intro = Your last sign-up was not approved (reason: { $reason }). Each step below shows what you entered last time: tap “{ member-keep }” if it is still right, or type the new answer.
member-keep = ↩️ Keep last time's
member-list-btn = 👥 Approved members and volunteers
member-list-none = No approved members or volunteers yet.
member-list-head = Approved members and volunteers: { $count } (page { $page }/{ $pages })
member-list-prev = ⬅️ Previous
member-list-next = Next ➡️
member-card = 👤 <b>{ $name }</b> ({ $status })
    Unit: { $unit }
    Phone: { $phone }
    Skills: { $skills }
    Community: { $community }
    Points: { $points }
member-suspend = ⏸ Suspend
member-restore = ▶️ Restore
member-ask-suspend-reason = Please type why “{ $name }” is suspended (they will be told):
member-suspend-claim-reason = The community suspended this member: { $reason }
member-suspended-staff = Suspended: { $name } (reason: { $reason }). { $released ->
        [0] No orders in hand.
        [one] One order in hand was given back and offered again.
       *[other] { $released } orders in hand were given back and offered again.
    }
member-suspended-user = Hello, the community has paused your service as a member/volunteer. Reason: { $reason }
    While paused you cannot claim orders; the unfinished orders you held went back to the community. If you have questions, please contact the community. Thank you for all you have done!
member-restored-staff = Restored: { $name }
member-restored-user = 🎉 The community has restored your service as a member/volunteer; you can claim orders in “{ menu-order-open }” again.
member-suspend-stale = This member's standing has changed: { member-outcome }. Please open the list again.

## staff and admins name a screen in words (handlers.staff_words)
staff-words-admin-only = “{ $button }” is done by the sub-district's admins: please ask one of them.
staff-words-move = To move { $name } to “{ $place }”: first tap “{ $revoke }” below to take away their present staff access, then tap “{ $invite }” (“{ $invite_grid }” for a grid worker), choose the new community or grid, and send them the new invitation link.
    The requests they handled and their ledger entries stay as they are.

# a member's own profile (handlers.member_profile, services.member_self)
member-self-none = Only approved members and volunteers can change their skills, grid and order settings.
member-day = { $weekday ->
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
    }
me-skills-line = Skills: { $skills }
me-skills-none = Skills: none chosen
me-custom-line = Other skills: { $skills }
me-area-line = Area served: { $area }
me-pause-off = Orders: on (you are told of new orders that fit)
me-pause-on-open = Orders: ⏸ paused until you resume
me-pause-on-until = Orders: ⏸ paused until the end of { $date }, then on again by themselves
me-btn-skills = 🛠 Change skills
me-btn-area = 📍 Change grid served
me-btn-pause = ⏸ Pause orders
me-btn-resume = ▶️ Resume orders
me-skills-ask = Tick the skills you have (as many as apply). For one not on the buttons, just type it (e.g. “locksmith”): it is kept as another skill. When done, tap “{ me-skills-save }”.
me-skills-current-custom = Other skills: { $skills }
me-skills-save = ✅ Save
me-skills-clear-custom = 🧹 Clear other skills
me-skills-added-said = Added for you: { $skills }. Please check, then tap “{ me-skills-save }”.
me-skills-saved = ✅ Skills updated: { $skills }. New orders are offered to you by these skills from now on.
me-skills-kept = All right, your skills are unchanged.
me-area-ask = You serve: { $area }. Choose the grid you will serve (you get new orders of that grid and of the whole community):
me-area-any = Any grid (whole community)
me-area-other-community = To serve another community, please ask the community staff.
me-area-confirm = Change the area you serve to “{ $area }”? You will then get new orders of that grid and of the whole community.
me-area-other = Another grid
me-area-saved = ✅ Area served changed to: { $area }.
me-area-kept = All right, the area you serve is unchanged.
me-area-same = You already serve “{ $area }”; nothing to change.
me-pause-ask = Pause orders for how long? While paused you are not told of new orders; orders you have claimed stay yours. For a given day, you can also just say so, e.g. “pause orders until 20 Dec”.
me-pause-week = Until Sunday ({ $date })
me-pause-open = Until I resume
me-pause-confirm-until = Pause orders until the end of { $date }? You are not told of new orders meanwhile, then they come again by themselves; orders you have claimed stay yours.
me-pause-confirm-open = Pause orders? You are not told of new orders until you say “resume orders” or tap “{ me-btn-resume }” in “👤 My profile”; orders you have claimed stay yours.
me-pause-yes = ⏸ Pause
me-pause-done-until = ⏸ Orders paused until the end of { $date }, then on again by themselves. To resume earlier, say “resume orders” or tap “{ me-btn-resume }” in “👤 My profile”.
me-pause-done-open = ⏸ Orders paused. To resume, say “resume orders” or tap “{ me-btn-resume }” in “👤 My profile”.
me-pause-kept = All right, not paused: you are told of new orders as before.
me-resumed = ▶️ Orders resumed: you are told of new orders that fit.
me-not-paused = Your orders are on; nothing is paused.
member-pause-end-past = That date has passed. Please say a later one, e.g. “until 20 Dec”.
member-pause-suspended = The community has suspended your service, so you cannot pause or resume orders yourself; please ask the community staff.
member-card-paused = ⏸ Paused orders themselves: { $until }
member-card-paused-open = until they resume
me-open-paused = ⏸ You paused orders, so you are not told of new ones; you can still claim those below yourself. To resume, say “resume orders”.
member-pause-no-such-day = There is no such day. Please say again until when, e.g. “pause orders until 20 Dec”; with no date, just say “pause orders”.
me-area-home-hint = If your home moved, change your address in “👤 My profile” with “🏠 Change address”.
me-skills-moved = (The skill picker moved to the latest message below.)
# the end of a member's own pause reached (services.member_jobs): they take orders again, and
# the orders issued meanwhile that still wait and fit them (a details button each)
member-pause-ended = ▶️ Your pause is over and you are taking orders again: you will be told of new orders that fit you. To pause again, tap “{ me-btn-pause }” in “👤 My profile”.
member-pause-ended-orders = { $count ->
        [one] An order issued while you were paused is still waiting for someone and fits you:
       *[other] { $count } orders issued while you were paused are still waiting for someone and fit you:
    }
member-pause-ended-line = • { $number } · { $title } · { $place }
member-pause-ended-more = { $more } more in “{ menu-order-open }”.
member-pause-ended-btn = 📄 { $number } details

# a staff member asking where they work ('我负责哪几栋楼'), and their profile's line
staff-area-title = Where you work:
staff-area-grid = • { $community } · { $grid }: { $buildings }
staff-area-community = • { $community } (whole community): { $buildings }
staff-area-no-buildings = no buildings registered yet
staff-area-admin = You are a sub-district admin: every community is yours. Send "org structure" to see them.
staff-area-nowhere = You have no community or grid to look after now. Ask a sub-district admin if this is wrong.
# 'who is on duty today': Linli keeps no roster; the offices and their staff (handlers.staff_words)
staff-duty-no-roster = Linli keeps no duty roster, so who is in today is up to the community's own arrangements. The offices and their staff:
staff-duty-no-contact = The office's phone, address and hours are not on file yet (an admin can add them under “{ admin-org }”).
staff-duty-staff = Staff: { $names }
staff-duty-no-staff = No staff on file yet.
staff-duty-grid-worker = { $name } (grid worker, { $grid })
# 'how many households in building 1': residents registered in Linli, within the asker's area
staff-building-count = { $community }, { $building }: { $residents ->
        [one] 1 resident
       *[other] { $residents } residents
    } registered in Linli, { $households ->
        [one] 1 household
       *[other] { $households } households
    }
# some of them gave no room: counted among the people, in no household
staff-building-no-room = ; { $count ->
        [one] 1 resident has
       *[other] { $count } residents have
    } no room number on file, counted among the residents but in no household
staff-building-planned = ({ $planned } households in the building records)
staff-building-note = These are residents who registered their address in Linli, not census or household-registration figures.
staff-building-not-yours = “{ $building }” is not one of the buildings you look after.
staff-building-unknown = There is no building called “{ $building }”.
profile-area = Work area: { $places }

# changing community (a member who moved): read back, staff approve as an application
member-move-not-member = Only approved Party members/volunteers can ask to change community. Not signed up yet? Tap “{ menu-become-member }”.
member-move-pick = You serve { $here } now. Which community do you want to move to? I will check with you before sending anything.
member-move-same = You already serve { $to }: nothing to change.
member-move-ask = Move your Party member/volunteer registration from { $here } to { $there }?
    • Once you confirm, it goes to the staff of { $there } to approve, as an application does.
    • Until they approve, you still serve { $here } and take its orders as usual.
    • Once approved you serve { $there } (any grid) and are no longer told of { $here }'s new orders; the orders you hold stay yours until done (or given back).
member-move-btn-confirm = ✅ Ask to change community
member-move-cancelled = OK, nothing sent: you still serve your community.
member-move-sent = Sent to the staff of { $there } to approve; you will be told. Until then you still serve { $here } and take its orders as usual. Changed your mind? Tap “{ member-move-btn-withdraw }”.
member-move-card = 🔁 A Party member/volunteer asks to change community
    { $name } (serving { $here } now) asks to move to { $there }.
    Phone: { $phone }
    Work unit: { $unit }
    Skills: { $skills }
    Once approved they serve { $there } (any grid); the orders they hold stay theirs until done.
member-move-approve = ✅ Take them in
member-move-reject = ❌ Decline
member-move-approved-card = ✅ { $name } taken in to { $there } ({ $by })
member-move-rejected-card = ❌ { $name } not taken in to { $there } ({ $by })
member-move-approved = ✅ The staff of { $there } approved: you now serve { $there } (any grid) and will be told of orders that fit you there. The orders you hold stay yours until done (or given back).
member-move-rejected = The staff of { $there } did not approve your move. You still serve { $here } and take its orders as usual. If anything is unclear, ask:
member-move-decided = This change of community was decided already.
member-move-decided-by = { $state ->
    [approved] { $by } already took this member in ({ $time }): nothing left to do.
    [withdrawn] { $by } withdrew this request themselves ({ $time }): nothing left to do.
   *[other] { $by } already declined this change of community ({ $time }): nothing left to do.
 }
member-move-pending = Your request to move to { $there } is sent and waits for the staff of { $there }: no need to ask again; you will be told. Until then you serve your current community and take its orders as usual. Changed your mind? Tap “{ member-move-btn-withdraw }”.
# the member takes back a request still waiting (the new community never answered)
member-move-btn-withdraw = ↩️ Withdraw my request
member-move-withdrawn = Your request to move to { $there } is withdrawn: its staff need not review it. You still serve { $here } and take its orders as usual; if you want to move later, just tell me.
member-move-withdraw-late = { $state ->
    [approved] Too late to withdraw: the staff of { $there } took you in, and you now serve { $there }.
    [declined] Too late to withdraw: the staff of { $there } decided already (they did not take you in); you still serve your community.
    [withdrawn] This request is withdrawn already.
   *[other] You have no request to change community waiting, so there is nothing to withdraw.
 }
member-move-left-staff = 🔁 { $name } moved to { $there } (its staff took them in) and no longer serves { $here }: new orders of { $here } are not offered to them. Orders they hold stay theirs until done.

# 🏘 Org structure: a community office's phone, address and opening hours (told to residents in ❓ Help)
org-set-phone = ☎️ Phone
org-set-address = 📍 Address
org-set-hours = 🕘 Opening hours
org-contact-none = not set
org-ask-contact = { $field ->
    [phone] What is the new phone number of the { $community } service centre? Now: { $now }. Type a landline with its area code (e.g. 021-55500199) or an 11-digit mobile number
    [address] What is the new address of the { $community } service centre? Now: { $now }. Type the address (at most { $limit } characters)
   *[other] What are the new opening hours of the { $community } service centre? Now: { $now }. Type them (at most { $limit } characters, e.g. Mon–Fri 9:00–17:00)
 }, or { $clear } to clear it. Residents see it in "{ menu-help }" and when they file at night.
org-contact-confirm = Change the { $field ->
    [phone] phone number
    [address] address
   *[other] opening hours
 } of the { $community } service centre from "{ $before }" to "{ $value }"?
org-contact-yes = ✅ Change it
org-contact-done = ✅ The { $field ->
    [phone] phone number
    [address] address
   *[other] opening hours
 } of the { $community } service centre is now "{ $value }"; residents are told this.
org-contact-cleared = ✅ The { $field ->
    [phone] phone number
    [address] address
   *[other] opening hours
 } of the { $community } service centre is cleared; residents are no longer told one.
org-contact-same = Nothing changed: the { $field ->
    [phone] phone number
    [address] address
   *[other] opening hours
 } of the { $community } service centre is still "{ $value }".
org-contact-which = Which community's service centre { $field ->
    [phone] phone number
    [address] address
   *[other] opening hours
 } should change? Choose the community:
org-err-contact-empty = It cannot be empty. Type it again, or tap "{ common-cancel }".
org-err-contact-odd = That does not look like what goes here. Type the text itself, or tap "{ common-cancel }".
org-err-contact-long = That is too long ({ $length } characters); please keep it to { $limit } and type it again.
org-err-contact-phone = That does not look like a phone number. Type a landline with its area code (e.g. 021-55500199), an 11-digit mobile number or a 400 service number (e.g. 400-820-1234), or tap "{ common-cancel }".
