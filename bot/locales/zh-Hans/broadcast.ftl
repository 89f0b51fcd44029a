## Broadcasts: staff notices to many residents

menu-broadcast = 📢 发通知
broadcast-staff-only = /broadcast 是社区工作人员发通知用的，您的账号不能使用。
broadcast-staff-only-form = 您正在填写的「{ $flow }」还在，请接着填写。
broadcast-choose-community = 发给哪个社区？
broadcast-choose-audience = 这条通知发给谁？
broadcast-audience-community = 整个社区的居民
broadcast-audience-grids = 选几个网格
broadcast-audience-buildings = 选几栋楼
broadcast-audience-members = 报到的党员/志愿者
broadcast-audience-everyone = 所有社区的所有居民
broadcast-choose-grids = 请点选网格（可多选），选好后点“选好了”。
broadcast-choose-buildings = 请点选楼栋（可多选），选好后点“选好了”。
broadcast-targets-done = ✅ 选好了
broadcast-to-everyone = 发给：{ broadcast-audience-everyone }（要换发送对象，点「{ common-back }」）。
broadcast-ask-text = 请输入通知内容（一条消息），可以带一张图片。发送 /cancel 可取消。
broadcast-preview = <b>预览</b>（居民看到的样子如下）：
    ——————
    { $text }
    ——————
    将发给 <b>{ $count }</b> 人。夜间（免打扰时段）的通知会在早上送达；紧急通知立即发出。
broadcast-preview-long = <b>预览</b>：上面就是居民会收到的样子。{ $parts ->
        [1] 通知较长，所以这段说明单独发出。
       *[other] 通知超过了一条消息的长度上限，居民会分 { $parts } 条收到，内容完整，不会被截断。
    }
    将发给 <b>{ $count }</b> 人。夜间（免打扰时段）的通知会在早上送达；紧急通知立即发出。
broadcast-button-not-text = 「{ $label }」是按钮上的字，不能当作通知内容。请直接输入通知的文字（可以带一张图片）；不发了请点「{ common-cancel }」或发 /cancel。
broadcast-header = 📢 <b>{ $community }通知</b>（{ $sender }）
broadcast-header-everyone = 📢 <b>街道通知</b>
broadcast-sender-staff = 社区工作人员
broadcast-sender-grid = { $grid }网格员
broadcast-sender-admin = 街道
broadcast-send = ✅ 发送
broadcast-send-urgent = 🚨 紧急，立即发送
broadcast-cancel = ✖️ 不发了
broadcast-cancelled = 已取消，这条通知没有发出。
broadcast-edit = ✏️ 修改
broadcast-edit-what = 要修改什么？
broadcast-edit-text = 通知内容
broadcast-edit-audience = 发送对象
broadcast-edit-ask-text = 请发送改好的通知内容（一条消息，可以带一张图片）。原来的内容在上面的预览里；不改了请发「取消」或 /cancel，原来的预览不受影响。
broadcast-edit-audience-done = ✅ 发送对象选好了，通知内容不变，新的预览在下面。
broadcast-edit-cancelled = 已取消修改，什么都没有改。原来的预览还在，可以在上面点「{ broadcast-send }」或「{ broadcast-cancel }」。
broadcast-empty-audience = 这个范围里还没有登记的居民，无法发送。
broadcast-progress = 📤 正在发送：已发送 { $sent }/{ $total }
broadcast-held = 🌙 现在是免打扰时段：其中 { $count } 人的通知会在 { $when } 发出。急事请重新发送并选「🚨 紧急，立即发送」。
broadcast-report = <b>📢 通知发送完毕</b>
    共 { $total } 人：送达 { $sent } 人，已屏蔽机器人 { $blocked } 人，发送失败 { $failed } 人。
broadcast-report-handed-over = 📨 { $author } 已不再负责{ $community }的工作，TA 发的通知「{ $notice }」的发送结果转给您：
broadcast-scope-everyone = 所有社区
broadcast-show-unreached = 👀 查看没收到的人
broadcast-unreached-title = <b>没收到这条通知的人：</b>
broadcast-unreached-line = • { $name }（{ $outcome }）
broadcast-unreached-more = ……另外还有 { $count } 人没收到，没有一一列出。
broadcast-unreached-none = 所有人都收到了。
broadcast-outcome-blocked = 已屏蔽机器人
broadcast-outcome-failed = 发送失败
broadcast-outcome-cancelled = 已取消
broadcast-bad-audience = 这个范围无法发送通知。
broadcast-no-targets = 请先选择要发送的网格或楼栋。
broadcast-too-long = 通知太长了（{ $length } 字），请控制在 { $max } 字以内，精简后重新发送。
broadcast-not-found = 找不到这条通知（可能已取消）。
broadcast-already-sent = 这条通知已经发出，不会重复发送。
broadcast-quiet-now = 🌙 { $community } 的免打扰时段：{ $start }–{ $end }。这段时间里不紧急的消息会等到早上再发。
    修改：/quiet 22:00 07:00　关闭：/quiet off
broadcast-quiet-off = 🔔 { $community } 已关闭免打扰时段（原为 { $start }–{ $end }），消息随时发出。
    重新开启：/quiet { $start } { $end }
broadcast-quiet-bad = 时间格式不对。请这样写：/quiet 22:00 07:00，或 /quiet off
broadcast-quiet-same = 免打扰的开始和结束不能是同一个时间。请这样写：/quiet 22:00 07:00；不要免打扰请发 /quiet off
broadcast-quiet-not-yours = { $community }的免打扰时段只能由该社区的社区工作人员修改。需要修改请联系：{ $ask }。
broadcast-quiet-not-yours-admin = { $community }的免打扰时段只能由该社区的社区工作人员修改；该社区还没有社区工作人员，需要修改请联系街道管理员。
broadcast-quiet-line = 🌙 { $community }：免打扰 { $start }–{ $end }
broadcast-quiet-line-off = 🔔 { $community }：免打扰已关闭（原为 { $start }–{ $end }）
broadcast-quiet-which = 您负责几个社区（{ $names }），请在命令里先写社区名，例如：
    /quiet { $example } 22:00 07:00　或　/quiet { $example } off

## A notice with a photo
broadcast-photo-received = 🖼 图片收到了。请再发通知的文字，文字会配在图片下面一起发出。
broadcast-photo-kept = 🖼 之前发的图片还在，文字会配在图片下面一起发出；要换图就再发一张。
    想换一张图片就直接再发一张；发 /cancel 取消。
broadcast-need-text-or-photo = 这里需要通知的文字，也可以带一张图片（文字写在图片说明里，或先发图片再发文字）。贴纸、语音和文件不能作为通知；图片请以“照片”方式发送。请重新发送，或发 /cancel 取消。
broadcast-preview-photo = <b>预览</b>：上面就是居民会收到的样子（图片，文字配在图片下面）。
    将发给 <b>{ $count }</b> 人。夜间（免打扰时段）的通知会在早上送达；紧急通知立即发出。
broadcast-preview-photo-long = <b>预览</b>：上面就是居民会收到的样子。文字超过了图片说明的长度上限（{ $limit } 字），所以居民会先收到图片，紧接着收到完整的文字，不会被截断。想让文字配在图片下面，请把文字缩短后重新发送。
    将发给 <b>{ $count }</b> 人。夜间（免打扰时段）的通知会在早上送达；紧急通知立即发出。
