## Registration, profile, members (双报到), staff and admins

reg-consent = <b>个人信息使用说明</b>
    根据《中华人民共和国个人信息保护法》，为了给您提供社区服务，我们需要保存您的：所在社区、网格、楼栋、房号，以及您自愿提供的手机号。
    • 这些信息只用于处理您反映的事项和社区通知；
    • 只有本社区工作人员和为您服务的志愿者能看到您的房号和电话；
    • 公开的办理结果不会出现您的姓名、电话和房号；
    • 您可以随时发 /forget 删除您的个人信息。
    同意后继续登记。
reg-agree = ✅ 同意并继续
reg-disagree = 不同意
reg-consent-typed = ✅ 好的，您已同意个人信息使用说明。
reg-declined = 好的，我们不会保存您的信息。您仍然可以浏览帮助；需要时再点「🏠 登记住址」。
reg-choose-community = 请选择您所在的<b>社区</b>：
reg-no-communities = 系统里还没有社区信息，请联系社区工作人员。
reg-choose-grid = 请选择您所在的<b>网格</b>（不清楚可以点「不清楚」）：
reg-choose-building = 请选择您住的<b>楼栋</b>：
reg-ask-room = 请输入您的<b>房号</b>，例如「302」或「2单元301」：
reg-ask-phone = 最后，可以留下您的手机号，方便工作人员联系您（可跳过）。
    请点下方「📱 发送我的手机号」按钮。
reg-share-phone = 📱 发送我的手机号
reg-phone-use-button = 请点「📱 发送我的手机号」按钮，或点「跳过」。
reg-phone-invalid = 号码格式不对。请输入 11 位手机号（如 139 0000 0001）或带区号的座机号（如 021-12345678），或点「{ reg-share-phone }」；不想留请点「{ common-skip }」。
reg-phone-button-not-text = 「{ $label }」是按钮上的字，不是手机号。请点「{ reg-share-phone }」，或直接输入 11 位手机号；不想留可以点「{ common-skip }」。
reg-done = 登记完成！您的住址：{ $address }
reg-done-phone = 手机号：{ $phone }
reg-start-now = 🏠 现在登记
reg-already-done = 您已经登记过住址了，不用再登记。
reg-new-resident-card = 🏠 新居民登记：{ $name }
    住址：{ $address }
    请核实后点「核实」。
reg-verify = ✅ 核实
reg-verified = 已核实：{ $name }
reg-verified-by-other = 这位居民已经核实过了。
reg-card-outdated = 这位居民后来修改了住址，这张卡片已过期。新的登记卡片已经发给社区工作人员，请在那张卡片上核实。

profile-title = <b>我的资料</b>
profile-name = 称呼：{ $name }
profile-address = 住址：{ $address }
profile-address-none = 住址：未登记
profile-phone = 手机号：{ $phone }
# a contact shared at the menu, not at a phone step (on_contact_at_menu)
profile-contact-ask = 要把 { $phone } 记为您的联系电话吗？（现在记的是：{ $old }）工作人员和接单的党员/志愿者需要时会用它联系您。
profile-contact-keep = ✅ 记下
profile-contact-drop = 不用了
profile-contact-dropped = 好的，电话没有改。
profile-contact-same = 您的联系电话已经是 { $phone }，不用再记。
profile-contact-not-own = 这是别人的名片，我们不会保存。只有您自己的手机号才能记为联系电话；要帮别人反映问题，直接说是什么事就行。
profile-contact-register-first = 先登记住址吧：登记的最后一步可以一键分享手机号。
profile-phone-none = 手机号：未留
profile-verified = 住址已由社区核实
profile-roles = 身份：{ $roles }
profile-member = 报到状态：{ $status }
profile-edit-address = 🏠 修改住址
profile-edit-phone = 📱 修改手机号
profile-forget = 🗑 删除我的信息
profile-named-on = 晒单和积分榜：显示我的名字（{ $name }）
profile-named-off = 晒单和积分榜：不显示我的名字，只写「{ $masked }」
profile-named-hide = 🙈 晒单不显示我的名字
profile-named-show = 🙋 晒单显示我的名字
profile-named-changed-on = 已改为显示您的名字「{ $name }」：积分榜马上生效，以后发布的晒单也会署名。已经发布的晒单不会改。
profile-named-changed-off = 已改为不显示您的名字：积分榜马上改为「{ $masked }」，以后发布的晒单也只写「{ $masked }」。已经发布的晒单不会改。
forget-confirm = 确定要删除您的个人信息吗？
    将删除：姓名、住址、房号、手机号、报到资料。已办理事项的记录会保留，但不再与您的身份关联。
    还没召开的议事会，您的报名会取消，不再收到提醒。
forget-confirm-claims = ⚠️ 您正在办的工单 { $numbers } 会退回社区，由社区重新派给其他党员/志愿者。想先办完的，请上报完成后再删除。
forget-yes = 确定删除
forget-no = 不删除
forget-done = 您的个人信息已删除。如需再次使用，点「🏠 登记住址」重新登记。
forget-kept = 好的，没有删除。

member-status-pending = 审核中
member-status-approved = 已通过
member-status-rejected = 未通过
member-status-suspended = 已暂停

member-consent = <b>个人信息使用说明</b>
    根据《中华人民共和国个人信息保护法》，党员/志愿者报到需要保存您的：真实姓名、工作单位、手机号、技能特长，以及您服务的社区和网格。
    • 这些信息只用于社区审核您的报到、给您推送合适的工单、记录您的服务积分和时长；
    • 只有社区和街道的工作人员能看到您的工作单位和手机号；
    • 组织晒单和积分榜上是否显示您的名字，由您在后面自己选择；
    • 您可以随时发 /forget 删除您的个人信息。
    同意后继续报到。
member-declined = 好的，报到不继续了，您的姓名、单位和手机号都不会保存。想报到时再点「{ menu-become-member }」。
member-intro = <b>党员/志愿者报到（双报到）</b>
    报到后，您可以接社区的服务工单、积累服务积分和时长。需要填写：真实姓名、工作单位、手机号、技能特长、服务社区。
    请输入您的<b>真实姓名</b>：
member-ask-unit = 请输入您的<b>工作单位</b>（例如「区教育局」「退休」）：
member-ask-phone = 请提供<b>手机号</b>：点下方按钮发送，或直接输入 11 位手机号。
member-ask-skills = 请选择您的<b>技能特长</b>（可多选，选好后点「完成」）；也可以直接输入其他特长：
member-skills-done = ✅ 完成
member-skills-ticked = 已勾选：{ $skills }
member-skills-custom = 其他特长：{ $skills }
member-ask-community = 请选择您要服务的<b>社区</b>：
member-ask-grid = 请选择服务的<b>网格</b>（或「不限」）：
member-any-grid = 不限网格
member-ask-named = 组织晒单和积分榜上<b>显示我的名字</b>吗？
    办完的工单会发到社区公示频道（组织晒单），积分榜也会列出服务的党员/志愿者。
    • 显示：写「{ $name }」
    • 不显示：只写姓氏，如「{ $masked }」
    以后可以在「{ menu-profile }」里随时修改。
member-named-yes = ✅ 显示我的名字
member-named-no = 🙈 不显示，写「{ $masked }」
member-named-shown = 显示名字（{ $name }）
member-named-hidden = 不显示名字，只写「{ $masked }」
member-consent-notice = 🙈 现在起，组织晒单和积分榜上<b>不显示您的名字</b>，只写「{ $masked }」，除非您同意显示「{ $name }」。
    以前报到时没有问过您，所以先不显示。请在下面选一下；以后也可以在「{ menu-profile }」里随时修改。
member-consent-btn-show = 🙋 同意显示「{ $name }」
member-consent-btn-hide = 🙈 继续不显示，写「{ $masked }」
member-confirm = 请确认您的报到信息：
    姓名：{ $name }
    单位：{ $unit }
    手机：{ $phone }
    特长：{ $skills }
    社区：{ $community }
    晒单和积分榜：{ $named }
member-submitted = 已提交，请等待社区审核。审核结果会通知您。
member-submitted-night = 🌙 现在是夜间免打扰时段，社区工作人员会在 { $time } 收到您的报到申请。
member-already-pending = 您的报到申请正在审核中，请耐心等待。
member-already-approved = 您已经是报到党员/志愿者了。
member-already-reviewed = 这份申请已经处理过了：{ member-outcome }。
member-already-reviewed-by = 这份申请已经由{ $by }处理过了：{ member-outcome }。
member-outcome = { $outcome ->
        [approved] 已通过
        [rejected] 未通过
        [suspended] 通过后已暂停
       *[other] 已处理
    }
member-application-gone = 这份申请已经不在了（申请人删除了自己的信息）。
member-review-card = 🧾 <b>报到申请</b>
    姓名：{ $name }
    单位：{ $unit }
    手机：{ $phone }
    特长：{ $skills }
    社区：{ $community }
member-approve = ✅ 通过
member-reject = ❌ 不通过
member-review-decided-approved = ✅ 已通过 · { $by } · { $time }
member-review-decided-rejected = ❌ 未通过 · { $by } · { $time }
    原因：{ $reason }
member-ask-reject-reason = 请输入不通过的原因（会告知申请人）：
member-approved-staff = 已通过：{ $name }
member-rejected-staff = 已退回：{ $name }（原因：{ $reason }）
member-approved-user = 🎉 您的报到申请已通过！现在可以在「{ menu-order-open }」里接单了。
member-rejected-user = 很抱歉，您的报到申请未通过。原因：{ $reason }
    如有疑问请联系社区，也可以修改后重新报到。
member-pending-none = 目前没有待审核的报到申请。
member-pending-count = 待审核的报到申请：{ $count } 份
member-pending-more = 待审核的报到申请：{ $count } 份。下面是最早的 { $shown } 份，处理完后再点「{ $button }」看其余的。

skill-plumbing = 水管疏通
skill-electrical = 电路维修
skill-appliance_repair = 家电维修
skill-heating_gas = 供暖燃气
skill-cleaning = 清扫保洁
skill-greening = 绿化养护
skill-mediation = 矛盾调解
skill-elderly_care = 助老陪护
skill-disability_help = 助残服务
skill-escort = 陪同就医办事
skill-medical = 医疗健康
skill-legal = 法律咨询
skill-policy = 政策咨询
skill-digital_help = 手机电脑教学
skill-tutoring = 课业辅导
skill-patrol = 治安巡逻
skill-fire_safety = 消防安全
skill-moving = 搬运帮忙
skill-parking = 停车交通
skill-general = 跑腿综合
# everyday words for each skill, as members type them at the sign-up (「我会修水管」): they tick it
skill-plumbing-words = 修水管, 水管, 通下水道, 下水道, 疏通下水道, 马桶, 水龙头, 水暖, 修水龙头
skill-electrical-words = 修电路, 电路, 电工, 电线, 换灯泡, 修灯, 插座, 开关插座, 修电
skill-appliance_repair-words = 修家电, 修电脑, 修手机, 家电, 修电器, 电器, 修空调, 空调, 洗衣机, 冰箱, 修电视, 电视
skill-heating_gas-words = 暖气, 燃气, 煤气, 天然气, 供暖, 燃气灶
skill-cleaning-words = 打扫卫生, 打扫, 保洁, 扫地, 清洁, 搞卫生, 做卫生
skill-greening-words = 绿化, 种花, 养花, 花草, 园艺, 修剪树枝, 种菜
skill-mediation-words = 调解纠纷, 调解, 劝架, 化解矛盾, 邻里纠纷, 做思想工作
skill-elderly_care-words = 照顾老人, 陪老人, 陪伴老人, 助老, 养老, 陪护, 看护, 护理老人, 陪老人聊天
skill-disability_help-words = 助残, 帮助残疾人, 残疾人
skill-escort-words = 陪老人看病, 陪看病, 陪同就医, 陪诊, 陪人看病, 陪去医院, 陪同办事, 陪办事, 陪老人去医院
skill-medical-words = 医疗, 医生, 护士, 医护, 量血压, 急救, 健康咨询, 看病
skill-legal-words = 法律, 律师, 打官司, 懂法律
skill-policy-words = 政策, 政策解读, 社保, 医保, 退休政策
skill-digital_help-words = 教手机, 教用手机, 智能手机, 教电脑, 电脑, 手机, 微信, 上网
skill-tutoring-words = 辅导作业, 辅导, 功课, 家教, 补课, 教孩子, 作业
skill-patrol-words = 巡逻, 治安, 值班, 站岗, 安保
skill-fire_safety-words = 消防, 防火, 灭火
skill-moving-words = 搬东西, 搬家, 搬运, 扛东西, 力气活, 有力气
skill-parking-words = 停车, 交通, 指挥交通, 疏导交通
skill-general-words = 跑腿, 买菜, 代购, 送东西, 帮忙跑腿, 什么都能干, 啥都能干, 杂事

admin-menu = <b>管理</b>
admin-invite = ➕ 邀请社区工作人员
admin-staff-list = 👥 工作人员列表
admin-choose-community = 邀请哪个社区的工作人员？
admin-invite-link = 邀请链接（{ $community }，{ $hours } 小时内有效，只能使用一次）：
    { $link }
    请把链接发给被邀请的工作人员，对方点开后点「开始」即可。
admin-invite-again = 这份列表已经生成过邀请链接（{ $community }），见上方消息；一份列表只生成一个链接。还要邀请别人，请重新发送 /invite。
admin-categories = 🏷 诉求分类
admin-back = ⬅️ 返回管理
admin-staff-none = 还没有社区工作人员。
admin-staff-item = { $name }（{ $id }）：{ $communities }
admin-staff-scope-grid = { $community }（{ $grid }）
admin-revoke = 撤销 { $name }
admin-revoked = 已撤销 { $name } 的工作人员权限。
admin-revoke-confirm = 确定撤销 { $name } 的社区工作人员权限吗？撤销后对方不能再处理诉求、审核报到和发通知，会收到通知。
admin-revoke-confirm-grid = 确定撤销 { $name } 在「{ $place }」的网格员权限吗？撤销后对方不能再处理本网格的诉求和工单，会收到通知。
admin-revoked-grid = 已撤销 { $name } 在「{ $place }」的网格员权限。
admin-revoked-grid-user = 您在「{ $place }」的网格员权限已被撤销。如有疑问请联系街道管理员。
admin-revoke-yes = ✅ 确定撤销
admin-revoke-back = ⬅️ 返回列表
admin-revoke-gone = 这位已经不是社区工作人员了（可能刚被撤销）。
admin-admin-list = 👑 管理员列表
admin-admins-title = 👑 <b>街道管理员</b>（共 { $count } 人）
admin-admins-item = { $name }（{ $id }）
admin-admins-item-self = { $name }（{ $id }）· 您自己
admin-admins-item-settings = { $name }（{ $id }）· 配置文件指定，只能在配置（LINLI_ADMIN_IDS）里去掉
admin-admins-never-opened = （还没打开过机器人）
admin-admin-revoke-confirm = 确定撤销 { $name } 的街道管理员权限吗？撤销后对方不能再邀请工作人员、修改组织架构和分类，会收到通知。
admin-admin-revoked = 已撤销 { $name } 的街道管理员权限。
admin-admin-revoke-gone = 这位已经不是街道管理员了（可能刚被撤销）。
admin-admin-revoke-self = 不能在这里撤销自己的管理员权限，请另一位管理员操作。
admin-admin-revoke-settings = 这位管理员是配置文件（LINLI_ADMIN_IDS）指定的，只能在配置里去掉。
invite-accepted = ✅ 您已成为「{ $community }」的社区工作人员。主菜单里多了工作人员的功能。
invite-invalid = 这个邀请链接无效。请向管理员重新要一个。
invite-expired = 这个邀请链接已过期。请向管理员重新要一个。
invite-used = 这个邀请链接已经被使用过了。请向管理员重新要一个。
invite-used-yours = 这个邀请链接您已经用过了，权限仍然有效，不用再点。直接用下方的主菜单就好。

cat-list-title = <b>诉求分类</b>（代码 · 名称 · 默认时限 · 所需技能）
cat-list-item = <code>{ $code }</code> · { $name } · { $hours } 小时 · { $skills }
cat-usage = 修改方法：
    <code>/category deadline 代码 小时数</code> 修改默认办理时限
    <code>/category add 代码 小时数 中文名/英文名 技能1,技能2</code> 新增分类
    名称里有空格时，把名称放在引号里，例如：
    <code>/category add pet_care 48 "宠物管理/Pet care" general,patrol</code>
    <code>/category rename 代码 中文名/英文名</code> 改名称
    <code>/category hant 代码 繁體名</code> 设置繁体中文名（新增或改名时会自动生成）
    <code>/category remove 代码</code> 删除分类
    新增的分类在下次重新训练（每晚自动）后才会被自动推荐。
cat-skill-codes = 技能代码：{ $skills }
cat-skill-code = <code>{ $code }</code> { $name }
cat-updated = ✅ 分类已更新。
cat-replaced = 注意：分类 <code>{ $code }</code> 原来就有，这次的名称、时限和技能已替换了原来的（原来：{ $name } · { $hours } 小时 · { $skills }）。只想改时限或名称时，用 <code>/category deadline</code> 或 <code>/category rename</code>。
cat-err-usage = 格式不对。发 /categories 查看修改方法。
cat-err-hours = 时限要在 1 到 2160 小时（90 天）之间。
cat-err-unknown = 没有代码为「{ $code }」的分类。
cat-err-skills = 这些技能代码不存在：{ $skills }
    可用的技能代码列在 /categories 的末尾。
    （如果这是名称的一部分：名称里有空格时，请把「中文名/英文名」放在引号里。）
cat-err-spaces = 名称里有空格时，请把「中文名/英文名」放在引号里，例如：
    <code>/category add pet_care 48 "宠物管理/Pet care" general,patrol</code>
cat-err-quote = 引号没有配对。请把名称放在一对引号里，例如 <code>"宠物管理/Pet care"</code>。
cat-err-names = 请同时给出中文名和英文名，用「/」隔开，每个不超过 40 字。
cat-err-code = 这个分类不能保存：分类代码「{ $code }」只能用小写英文字母、数字和下划线，以字母开头，2 到 40 个字符，例如 <code>pet_care</code>。
cat-err-invalid = 这个分类不能保存：{ $reason }
cat-err-other = 「其他」分类不能删除。
cat-hant-made = 繁体中文名：{ $name }（不对的话用 <code>/category hant { $code } 名称</code> 修改）
cat-hant-none = 没有生成繁体中文名（本机没有装简繁转换），使用繁体的居民会看到「{ $name }」。可以用 <code>/category hant { $code } 名称</code> 设置。
cat-err-hant-spaces = 繁体名里有空格时，请把名称放在引号里，例如 <code>/category hant pet_care "寵物 管理"</code>。
cat-err-hant-name = 请给出繁体中文名，不超过 40 字。
cmd-categories = 诉求分类与时限

reg-typed-read = 好的，记下了：<b>{ $address }</b>。如果不对，{ $again ->
    [yes] 在「{ menu-profile }」里点「{ profile-edit-address }」就能再改。
   *[no] 登记好以后在「{ menu-profile }」里点「{ profile-edit-address }」就能改。
}
reg-typed-not-read = 没能从您写的内容里认出地址。请点按钮选择；也可以直接写完整的地址，比如「某某社区 3号楼 502」。
reg-building-not-found = 这个社区里没有找到您说的那栋楼。请从下面选您住的楼栋：
reg-picked = ✓ { $step }：{ $value }
reg-step-community = 社区
reg-step-grid = 网格
reg-step-building = 楼栋
profile-ask-phone = 请点「📱 发送我的手机号」发送新的手机号，或直接输入 11 位手机号。
profile-phone-keep = 不修改
profile-phone-use-button = 请点「{ reg-share-phone }」按钮，或直接输入 11 位手机号；不改请点「{ profile-phone-keep }」。
profile-phone-invalid = 号码格式不对。请输入 11 位手机号（如 139 0000 0001）或带区号的座机号（如 021-12345678），或点「{ reg-share-phone }」；不改请点「{ profile-phone-keep }」。
profile-phone-remove = 删除手机号
profile-phone-updated = ✅ 手机号已更新：{ $phone }
profile-phone-unchanged = 好的，手机号没有修改。
profile-phone-removed = ✅ 已删除您的手机号。
profile-phone-button-not-text = 「{ $label }」是按钮上的字，不是手机号。请点「{ reg-share-phone }」，或直接输入 11 位手机号；不改请点「{ profile-phone-keep }」。
profile-quiet-on = 夜间免打扰：开（{ $start }–{ $end } 的一般通知会在早上发给您，紧急通知照常）
profile-quiet-community-off = 夜间免打扰：社区已关闭免打扰时段，通知随时发出
profile-quiet-off = 夜间免打扰：关（夜里也会收到一般通知）
profile-quiet-disable = 🔔 夜里也通知我
profile-quiet-enable = 🔕 开启夜间免打扰
profile-quiet-typed-on = 好的，夜里不打扰您：
profile-quiet-typed-off = 好的，夜里也给您发通知：
profile-quiet-typed-show = 您的夜间免打扰设置：
profile-quiet-typed-hint = 想改的话，点下面的按钮。
profile-moving = 好的，我们来改您的住址（改好后社区会重新核实）。
forget-already = 您的个人信息已经删除了。
profile-name-forgotten = （未保存）
member-card-outdated = 申请人已经重新提交了报到信息，这张卡片已过期。请点「🧾 报到审核」查看最新的申请。
admin-invite-used = ✅ { $name } 已通过邀请链接成为「{ $community }」的社区工作人员。
admin-revoked-user = 您的社区工作人员权限已被撤销。如有疑问请联系街道管理员。
admin-revoked-admin-user = 您的街道管理员权限已被撤销。如有疑问请联系街道办。
err-admin-only = 这个功能仅街道管理员可用。
forget-claim-reason = 接单人删除了个人信息，已退出
admin-invite-grid = ➕ 邀请网格员
admin-org = 🏘 组织架构
admin-choose-grid-community = 邀请哪个社区的网格员？
admin-choose-grid = 邀请「{ $community }」哪个网格的网格员？网格员只处理本网格的诉求和工单。
admin-no-grids = 这个社区还没有网格。请先在「🏘 组织架构」里新增网格。
admin-back-communities = ⬅️ 返回社区列表
admin-grid-place = { $community } · { $grid }
admin-invite-grid-link = 网格员邀请链接（{ $place }，{ $hours } 小时内有效，只能使用一次）：
    { $link }
    请把链接发给被邀请的网格员，对方点开后点「开始」即可。
invite-accepted-grid = ✅ 您已成为「{ $community }」的网格员。主菜单里多了工作人员的功能，处理本网格的诉求和工单。
admin-staff-title = 👥 <b>工作人员列表</b>（全部社区的社区工作人员和网格员，共 { $count } 人）
admin-staff-title-page = 👥 <b>工作人员列表</b>（全部社区的社区工作人员和网格员，第 { $page }/{ $pages } 页，共 { $count } 人）
org-title = 🏘 <b>组织架构</b>：请选择社区。
org-page = 第 { $page }/{ $pages } 页，共 { $count } 个
org-community = 🏘 <b>{ $community }</b>：{ $grids } 个网格。点网格查看楼栋。
org-grid-button = { $grid }（{ $count } 栋）
org-grid = 🏘 { $community } · <b>{ $grid }</b>：{ $buildings } 栋楼。点楼栋可改名或移到其他网格。
org-building = 🏠 <b>{ $building }</b>（{ $grid }，{ $households } 户）
org-add-grid = ➕ 新增网格
org-add-building = ➕ 新增楼栋
org-rename-community = ✏️ 改社区名
org-rename-grid = ✏️ 改网格名
org-rename-building = ✏️ 改楼栋名
org-move-building = 🔀 移到其他网格
org-back-communities = ⬅️ 返回社区列表
org-back-grids = ⬅️ 返回网格列表
org-back-buildings = ⬅️ 返回楼栋列表
org-back-building = ⬅️ 返回楼栋
org-ask-grid-name = 请输入新网格的名称（不超过 { $limit } 个字），例如：第三网格。
org-ask-building-name = 请输入新楼栋的名称（不超过 { $limit } 个字），例如：7号楼。
org-ask-rename = 「{ $name }」要改成什么名称？请输入新名称（不超过 { $limit } 个字）。
org-cancelled = 已取消，没有做任何修改。
org-add-community = ➕ 新建社区
org-ask-community-name = 请输入新社区的名称（不超过 { $limit } 个字），例如：幸福社区。
org-ask-community-english = 「{ $name }」的英文名是什么？英文界面的用户会看到它，输入时也能认出（如 Happiness Community）。请输入英文名（不超过 { $limit } 个字符）；不设英文名就点「{ common-skip }」。
org-add-community-check = 请核对后确认：
org-add-community-confirm = 新建社区「{ $name }」（没有英文名，英文界面显示中文名称）。确定吗？建好后可以在社区页面新增网格和楼栋。
org-add-community-confirm-english = 新建社区「{ $name }」，英文名「{ $english }」。确定吗？建好后可以在社区页面新增网格和楼栋。
org-add-community-yes = ✅ 确定新建
org-done-add-c = ✅ 已新建社区「{ $name }」。下面是它的页面：点「{ org-add-grid }」添加网格，再在网格里添加楼栋。
org-done-add-g = ✅ 已新增网格「{ $name }」。
org-done-add-b = ✅ 已新增楼栋「{ $name }」。
org-done-ren-c = ✅ 社区「{ $before }」已改名为「{ $name }」。
org-done-ren-g = ✅ 网格「{ $before }」已改名为「{ $name }」。
org-done-ren-b = ✅ 楼栋「{ $before }」已改名为「{ $name }」。
org-done-same = 名称没有变化，仍是「{ $name }」。
org-err-name-empty = 名称不能为空。请输入名称，或点「{ common-cancel }」。
org-err-name-long = 名称太长了（{ $length } 个字），请不超过 { $limit } 个字，再输入一次。
org-err-name-odd = 这不像一个名称。请直接输入名称文字，或点「{ common-cancel }」。
org-err-community-taken = 已经有名为「{ $name }」的社区了。请换一个名称再输入。
org-err-grid-taken = 这个社区已经有名为「{ $name }」的网格了。请换一个名称再输入。
org-err-building-taken = 这个社区已经有名为「{ $name }」的楼栋了（楼栋名称在社区内不能重复）。请换一个名称再输入。
org-err-gone = 找不到这一项了（可能刚被改动）。请重新打开「🏘 组织架构」。
org-english-name = 🔤 英文名
org-english-line = 英文名：{ $name }（英文界面的用户看到这个名称）
org-english-none = 未设置
org-ask-english = 「{ $name }」的英文名是什么？英文界面的用户会看到它，输入时也能认出（如 Sunshine Community）。现在：{ $english }。请输入英文名（不超过 { $limit } 个字符），输入 { $clear } 则不设英文名。
org-done-english = ✅ 英文名已设为「{ $name }」。
org-done-english-cleared = ✅ 英文名「{ $before }」已去掉，英文界面显示中文名称。
org-done-english-none = 本来就没有英文名，没有变化。
org-err-english-latin = 英文名需要有英文字母。请重新输入，或点「{ common-cancel }」。
org-move-choose = 把「{ $building }」移到哪个网格？
org-move-no-grid = 这个社区只有一个网格。请先新增网格，再移动楼栋。
org-move-confirm = 确定把「{ $building }」移到「{ $grid }」吗？移动后，这栋楼的居民归「{ $grid }」，新的诉求由该网格的网格员处理。
org-move-yes = ✅ 确定移动
org-moved = ✅ 「{ $building }」已从「{ $before }」移到「{ $grid }」。
org-move-already = 「{ $building }」已经在「{ $grid }」了，不用再移动。
org-err-move-open = 「{ $building }」还有 { $count } 件未办结的诉求（{ $numbers }{ $more ->
        [0] {""}
       *[other] 等
    }），现在不能移动：它们正由原网格的工作人员处理，移走楼栋会让诉求和网格对不上。请等这些诉求办结后再移动。
admin-invite-used-grid = ✅ { $name } 已通过邀请链接成为「{ $community }」的网格员。
admin-invite-admin = 👑 邀请街道管理员
admin-invite-admin-confirm = 👑 <b>邀请街道管理员</b>
    管理员可以处理所有社区的事务，任命和撤销工作人员，修改组织架构、诉求分类和办理时限。确定要生成一个管理员邀请链接吗？链接只能使用一次，请只发给确定要任命的人。
admin-invite-admin-yes = ✅ 生成管理员邀请链接
admin-invite-admin-link = 管理员邀请链接（{ $hours } 小时内有效，只能使用一次）：
    { $link }
    请把链接发给被任命的管理员，对方点开后点「开始」即可。
admin-invite-admin-again = 这个页面已经生成过管理员邀请链接，见上方消息。还要邀请别人，请重新打开「⚙️ 管理」。
invite-accepted-admin = ✅ 您已成为街道管理员。主菜单里多了「⚙️ 管理」。
admin-invite-used-admin = ✅ { $name } 已通过邀请链接成为街道管理员。

## 再次报到；已通过的党员/志愿者：暂停与恢复
member-review-again = 🔁 再次申请（上次未通过：{ $reason }）
member-again-intro = 您上次的报到未通过（原因：{ $reason }）。下面每一步都会显示您上次填写的内容：没有变化就点「{ member-keep }」，要改就直接输入新的。
member-keep = ↩️ 沿用上次的
member-list-btn = 👥 已通过的党员/志愿者
member-list-none = 还没有已通过的党员/志愿者。
member-list-head = 已通过的党员/志愿者：{ $count } 人（第 { $page }/{ $pages } 页）
member-list-prev = ⬅️ 上一页
member-list-next = 下一页 ➡️
member-card = 👤 <b>{ $name }</b>（{ $status }）
    单位：{ $unit }
    手机：{ $phone }
    特长：{ $skills }
    社区：{ $community }
    积分：{ $points }
member-suspend = ⏸ 暂停
member-restore = ▶️ 恢复
member-ask-suspend-reason = 请输入暂停「{ $name }」的原因（会告知本人）：
member-suspend-claim-reason = 社区暂停了该党员/志愿者的服务：{ $reason }
member-suspended-staff = 已暂停：{ $name }（原因：{ $reason }）。{ $released ->
        [0] 没有进行中的工单。
       *[other] 交还了 { $released } 个进行中的工单，已重新派发。
    }
member-suspended-user = 您好，社区暂时停止了您的党员/志愿者服务。原因：{ $reason }
    暂停期间不能接单，您手上未完成的工单已交还社区。如有疑问，请联系社区。感谢您一直以来的付出！
member-restored-staff = 已恢复：{ $name }
member-restored-user = 🎉 社区恢复了您的党员/志愿者服务，现在可以在「{ menu-order-open }」里接单了。
member-suspend-stale = 这位党员/志愿者的状态已经变了：{ member-outcome }。请重新打开名单查看。

## staff and admins name a screen in words (handlers.staff_words)
staff-words-admin-only = 「{ $button }」由街道管理员办理，请联系街道管理员。
staff-words-move = 要把 { $name } 调到「{ $place }」：先点下面的「{ $revoke }」收回 TA 现在的工作人员权限，再点「{ $invite }」（网格员点「{ $invite_grid }」）选好新的社区或网格，把新的邀请链接发给 TA。
    TA 经手过的诉求和台账记录都会保留。

# a member's own profile (handlers.member_profile, services.member_self)
member-self-none = 只有通过报到的党员/志愿者才能修改技能、服务网格和接单设置。
member-day = { $month }月{ $day }日（{ $weekday ->
        [mon] 周一
        [tue] 周二
        [wed] 周三
        [thu] 周四
        [fri] 周五
        [sat] 周六
       *[sun] 周日
    }）
me-skills-line = 技能：{ $skills }
me-skills-none = 技能：未选
me-custom-line = 其他特长：{ $skills }
me-area-line = 服务区域：{ $area }
me-pause-off = 接单：正常（有合适的新工单会通知您）
me-pause-on-open = 接单：⏸ 已暂停，直到您恢复
me-pause-on-until = 接单：⏸ 已暂停，到{ $date }结束，之后自动恢复
me-btn-skills = 🛠 修改技能
me-btn-area = 📍 修改服务网格
me-btn-pause = ⏸ 暂停接单
me-btn-resume = ▶️ 恢复接单
me-skills-ask = 请勾选您会的技能（可多选）。按钮上没有的，直接打字告诉我（比如「开锁」），会记为其他特长。改好后点「{ me-skills-save }」。
me-skills-current-custom = 其他特长：{ $skills }
me-skills-save = ✅ 保存
me-skills-clear-custom = 🧹 清空其他特长
me-skills-added-said = 已替您加上：{ $skills }。请看一下，没问题就点「{ me-skills-save }」。
me-skills-saved = ✅ 技能已更新：{ $skills }。以后按新的技能给您发合适的工单。
me-skills-kept = 好的，技能没有改。
me-area-ask = 您现在服务：{ $area }。请选您要服务的网格（会收到这个网格和全社区的新工单）：
me-area-any = 不限网格（全社区）
me-area-other-community = 要换到别的社区服务，请联系社区工作人员。
me-area-confirm = 把您的服务区域改为「{ $area }」吗？改好后会收到这个网格和全社区的新工单。
me-area-other = 选别的网格
me-area-saved = ✅ 服务区域已改为：{ $area }。
me-area-kept = 好的，服务区域没有改。
me-area-same = 您现在服务的就是「{ $area }」，不用改。
me-pause-ask = 暂停接单多久？暂停期间不会给您发新工单通知；手上已经接的工单还是您的。要到某一天，也可以直接说，比如「暂停接单到12月20号」。
me-pause-week = 到本周日（{ $date }）
me-pause-open = 一直暂停，直到我恢复
me-pause-confirm-until = 暂停接单到{ $date }结束吗？这段时间不给您发新工单通知，之后自动恢复；手上已经接的工单还是您的。
me-pause-confirm-open = 暂停接单吗？暂停后不给您发新工单通知，直到您说「恢复接单」或在「👤 我的资料」里点「{ me-btn-resume }」；手上已经接的工单还是您的。
me-pause-yes = ⏸ 确认暂停
me-pause-done-until = ⏸ 已暂停接单，到{ $date }结束，之后自动恢复。想提前恢复，说「恢复接单」或在「👤 我的资料」里点「{ me-btn-resume }」。
me-pause-done-open = ⏸ 已暂停接单。想恢复时，说「恢复接单」或在「👤 我的资料」里点「{ me-btn-resume }」。
me-pause-kept = 好的，没有暂停，有合适的新工单照常通知您。
me-resumed = ▶️ 已恢复接单，有合适的新工单会通知您。
me-not-paused = 您现在正常接单，没有暂停。
member-pause-end-past = 这个日期已经过去了。请说一个以后的日期，比如「到12月20号」。
member-pause-suspended = 社区暂停了您的服务，现在不能自己暂停或恢复接单；有疑问请联系社区工作人员。
member-card-paused = ⏸ 本人暂停接单：{ $until }
member-card-paused-open = 直到本人恢复
me-open-paused = ⏸ 您暂停了接单，不会收到新工单通知；下面的工单仍然可以自己接。想恢复，说「恢复接单」。
member-pause-no-such-day = 没有这一天，请再说一次想暂停到哪天，比如「暂停接单到12月20号」；不定日期的话，说「暂停接单」就行。
me-area-home-hint = 如果是您家搬了，住址请在「👤 我的资料」里点「🏠 修改住址」改。
me-skills-moved = （技能选择已移到下面最新的一条消息）
# the end of a member's own pause reached (services.member_jobs): they take orders again, and
# the orders issued meanwhile that still wait and fit them (a 详情 button each)
member-pause-ended = ▶️ 暂停已结束，恢复接单了：以后有适合您的工单会再通知您。想再暂停，点「👤 我的资料」里的「{ me-btn-pause }」。
member-pause-ended-orders = 暂停期间发布的 { $count } 件工单还在等人接，适合您：
member-pause-ended-line = • { $number } · { $title } · { $place }
member-pause-ended-more = 还有 { $more } 件，在「{ menu-order-open }」里看。
member-pause-ended-btn = 📄 { $number } 详情

# a staff member asking where they work ('我负责哪几栋楼'), and their profile's line
staff-area-title = 您的工作范围：
staff-area-grid = • { $community } · { $grid }：{ $buildings }
staff-area-community = • { $community }（全社区）：{ $buildings }
staff-area-no-buildings = 还没有登记楼栋
staff-area-admin = 您是街道管理员，各个社区都归您管。看组织架构请发「组织架构」。
staff-area-nowhere = 您现在没有负责的社区或网格。如有疑问，请联系街道管理员。
# '今天谁值班': Linli keeps no roster; the offices and their staff (handlers.staff_words)
staff-duty-no-roster = 邻里里没有值班排班表，今天谁在班请以社区的安排为准。社区办公室和工作人员：
staff-duty-no-contact = 办公室的电话、地址和办公时间还没有登记（管理员可在「{ admin-org }」里填写）。
staff-duty-staff = 工作人员：{ $names }
staff-duty-no-staff = 还没有登记工作人员。
staff-duty-grid-worker = { $name }（{ $grid }）
# '1号楼有几户': residents registered in Linli, within the asker's area
staff-building-count = { $community } { $building }：在邻里登记的居民 { $residents } 人，{ $households } 户
# some of them gave no room: counted among the people, in no household
staff-building-no-room = ；另有 { $count } 位居民没登记房号，算进了人数，没算进户数
staff-building-planned = （楼栋资料里共 { $planned } 户）
staff-building-note = 这是在邻里登记了住址的居民，不是人口普查或户籍的数字。
staff-building-not-yours = 「{ $building }」不在您负责的楼栋里。
staff-building-unknown = 没有找到「{ $building }」这栋楼。
profile-area = 工作范围：{ $places }

# changing community (a member who moved): read back, staff approve as an application
member-move-not-member = 只有已通过审核的党员/志愿者才能申请转社区。还没报到的，请点「{ menu-become-member }」。
member-move-pick = 您现在是{ $here }的党员/志愿者。想转到哪个社区？选好后我会先跟您确认。
member-move-same = 您已经是{ $to }的党员/志愿者了，不用转。
member-move-ask = 要把您的党员/志愿者身份从{ $here }转到{ $there }吗？
    • 确认后，会作为报到申请发给{ $there }的工作人员审核。
    • 审核通过前，您仍是{ $here }的党员/志愿者，照常接单。
    • 通过后改为{ $there }（不限网格），{ $here }的新工单不再通知您；您手上还没办完的工单仍由您办完（或放弃）。
member-move-btn-confirm = ✅ 确认申请转社区
member-move-cancelled = 好的，没有申请转社区，您仍是原社区的党员/志愿者。
member-move-sent = 已把转社区申请发给{ $there }的工作人员审核，通过后会通知您。在那之前，您仍是{ $here }的党员/志愿者，照常接单。不想转了，可以点「{ member-move-btn-withdraw }」。
member-move-card = 🔁 党员/志愿者转社区申请
    { $name }（现为{ $here }的党员/志愿者）申请转到{ $there }。
    电话：{ $phone }
    工作单位：{ $unit }
    特长：{ $skills }
    同意后他/她改为{ $there }的党员/志愿者（不限网格）；手上还没办完的工单仍由本人办完。
member-move-approve = ✅ 同意转入
member-move-reject = ❌ 不同意
member-move-approved-card = ✅ 已同意 { $name } 转入{ $there }（{ $by }）
member-move-rejected-card = ❌ 没有同意 { $name } 转入{ $there }（{ $by }）
member-move-approved = ✅ { $there }的工作人员同意了：您现在是{ $there }的党员/志愿者（不限网格），以后有适合您的工单会通知您。您手上还没办完的工单仍由您办完（或放弃）。
member-move-rejected = { $there }的工作人员没有同意您的转社区申请。您仍是{ $here }的党员/志愿者，照常接单。有疑问可以联系：
member-move-decided = 这个转社区申请已经处理过了。
# a colleague's copy of the card tapped after it was decided
member-move-decided-by = { $state ->
    [approved] 这个转社区申请已由 { $by } 在 { $time } 同意转入，不用再处理。
    [withdrawn] 这个转社区申请已由 { $by } 本人在 { $time } 撤回，不用再处理。
   *[other] 这个转社区申请已由 { $by } 在 { $time } 拒绝（不同意转入），不用再处理。
 }
# asked again while the first request waits: no second card
member-move-pending = 您转到{ $there }的申请已经发出，正在等{ $there }的工作人员审核，不用再申请；审核后会通知您。在那之前，您仍是原社区的党员/志愿者，照常接单。不想转了，可以点「{ member-move-btn-withdraw }」。
# the member takes back a request still waiting (the new community never answered)
member-move-btn-withdraw = ↩️ 撤回转社区申请
member-move-withdrawn = 已撤回转到{ $there }的申请，{ $there }的工作人员不用再审核了。您仍是{ $here }的党员/志愿者，照常接单；以后想转，再跟我说就行。
member-move-withdraw-late = { $state ->
    [approved] 撤回不了：{ $there }的工作人员已经同意转入，您现在是{ $there }的党员/志愿者。
    [declined] 撤回不了：{ $there }的工作人员已经处理了（没有同意转入），您仍是原社区的党员/志愿者。
    [withdrawn] 这个转社区申请已经撤回了，不用再撤。
   *[other] 您现在没有等待审核的转社区申请，不用撤回。
 }
# the old community's staff, when a member of theirs is taken in elsewhere
member-move-left-staff = 🔁 { $name } 已转到{ $there }（{ $there }的工作人员同意了），不再是{ $here }的党员/志愿者，{ $here }的新工单不会再通知他/她。手上还没办完的工单仍由本人办完。

# 🏘 组织架构: a community office's phone, address and opening hours (told to residents in ❓ 帮助)
org-set-phone = ☎️ 改电话
org-set-address = 📍 改地址
org-set-hours = 🕘 改办公时间
org-contact-none = 未填写
org-ask-contact = { $field ->
    [phone] 「{ $community }」服务中心的电话改成什么？现在：{ $now }。请输入带区号的座机号（如 021-55500199）或 11 位手机号
    [address] 「{ $community }」服务中心的地址改成什么？现在：{ $now }。请输入地址（不超过 { $limit } 个字）
   *[other] 「{ $community }」服务中心的办公时间改成什么？现在：{ $now }。请输入办公时间（不超过 { $limit } 个字，如：周一至周五 9:00–17:00）
 }；输入 { $clear } 则清空。居民在「{ menu-help }」和夜间登记时会看到它。
org-contact-confirm = 把「{ $community }」服务中心的{ $field ->
    [phone] 电话
    [address] 地址
   *[other] 办公时间
 }从「{ $before }」改为「{ $value }」，确定吗？
org-contact-yes = ✅ 确定修改
org-contact-done = ✅ 「{ $community }」服务中心的{ $field ->
    [phone] 电话
    [address] 地址
   *[other] 办公时间
 }已改为「{ $value }」，居民现在看到的就是它。
org-contact-cleared = ✅ 已清空「{ $community }」服务中心的{ $field ->
    [phone] 电话
    [address] 地址
   *[other] 办公时间
 }，居民不再看到这一项。
org-contact-same = 没有变化：「{ $community }」服务中心的{ $field ->
    [phone] 电话
    [address] 地址
   *[other] 办公时间
 }仍是「{ $value }」。
org-contact-which = 要改哪个社区服务中心的{ $field ->
    [phone] 电话
    [address] 地址
   *[other] 办公时间
 }？请选择社区：
org-err-contact-empty = 内容不能为空。请重新输入，或点「{ common-cancel }」。
org-err-contact-odd = 这不像要填的内容。请直接输入文字，或点「{ common-cancel }」。
org-err-contact-long = 太长了（{ $length } 个字），请不超过 { $limit } 个字，再输入一次。
org-err-contact-phone = 这不像一个电话号码。请输入带区号的座机号（如 021-55500199）、11 位手机号或 400 服务电话（如 400-820-1234），再输入一次；或点「{ common-cancel }」。
