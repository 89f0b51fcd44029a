## Scheduler: digests, reports, staff alerts

scheduler-user-blocked = ⚠️ Resident { $name } has blocked the bot and no longer gets our messages. If it matters, please phone or visit them.
scheduler-digest = <b>📊 { $community } · last week</b>
    New residents registered: { $residents }
    Volunteer sign-ups waiting for review: { $members }
    Notices sent: { $notices }
    Residents who blocked the bot: { $blocked }
scheduler-monthly-title = <b>📈 Monthly report</b>
scheduler-monthly-line = { $community }: { $residents } residents ({ $new } new this month), { $sent } messages sent, { $failed } not delivered
