## Scheduler: digests, reports, staff alerts

scheduler-user-blocked = ⚠️ Resident { $name } has blocked the bot and no longer gets our messages. If it matters, please phone or visit them.
scheduler-digest = <b>📊 { $community } · last week</b>
    New residents registered: { $residents }
    Volunteer sign-ups waiting for review: { $members }
    Notices sent: { $notices }
    Residents who blocked the bot: { $blocked }
scheduler-rates = response { $response } · resolution { $resolution } · satisfaction { $satisfaction }
scheduler-digest-orders = 📋 Requests last week: { $filed }, of which { $resolved } resolved
scheduler-digest-no-orders = 📋 No requests last week
scheduler-digest-open = Now waiting: { $waiting } to triage{ $urgent ->
        [0] {""}
       *[other] ({ $urgent } urgent)
    }, { $verify } to verify, { $overdue } past the deadline
scheduler-digest-urges = ⏰ Residents urged { $count } { $count ->
        [one] time
       *[other] times
    } last week ({ $matters } { $matters ->
        [one] request
       *[other] requests
    })
scheduler-digest-member = { $name } ({ $orders } { $orders ->
        [one] order
       *[other] orders
    })
scheduler-digest-members = 🏅 Served most last week: { $names }
scheduler-monthly-orders =   requests last month: { $filed }
scheduler-digest-consult = 🗳 Consultations last week: { $held } { $held ->
        [one] meeting
       *[other] meetings
    } ({ $checkins } checked in), { $polls } { $polls ->
        [one] poll
       *[other] polls
    } closed, { $topics } new { $topics ->
        [one] topic
       *[other] topics
    }
scheduler-digest-minutes-due = 📝 Meetings held without minutes sent: { $count } (send them under "{ menu-consult-staff }")
scheduler-digest-topics-waiting = 💡 Topics waiting for a decision: { $count }
scheduler-digest-meetings-ahead = 📅 Meetings this week: { $count }
scheduler-monthly-title = <b>📈 Monthly report</b>
scheduler-monthly-line = { $community }: { $residents } residents ({ $new } new last month), { $sent } messages sent, { $failed } not delivered
