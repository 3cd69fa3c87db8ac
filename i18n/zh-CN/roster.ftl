# 设备名单：应当跟随本服务器的设备（stratum roster，“设备名单”面板）。
cli-help-roster =
    stratum roster add 名称 地址 [--kind chrony|ntpd|switch|other]
    stratum roster remove 名称
    stratum roster list [--json]
    stratum roster probe [名称]
    stratum roster import LAB.toml
    {"    "}[--socket 路径 | --connect URL | --file INTENT.toml] [--lang en|zh-CN]

    应当跟随本服务器的设备，保存在其 chrony.conf 旁边（stratum.toml），以及每台设备的实际情况：
    是否向本机请求时间（来自 chronyd 的客户端列表）、是否跟随本机（设备自己的 NTP 应答：层级、
    参考源、偏差）、是否跟随其他服务器，或者根本没有请求。
    地址为 主机、主机:端口 或 [IPv6]:端口（未给出端口时为 NTP 端口 123）。
    probe：立即查询（4 次，间隔 2 秒；每台设备每分钟最多一次）。
    import：导入导出包中的交换机（需有源地址）和服务器地址。
    --file：不经助手，直接编辑意图文件（没有结论）。
cli-roster-usage = 用法：stratum roster add 名称 地址 [--kind 类型] | remove 名称 | list [--json] | probe [名称] | import LAB.toml（见 stratum roster --help）。
roster-error-name = “{ $value }”不是有效的设备名称：只能用字母、数字、“.”、“_”和“-”，最多 64 个字符，且不能以“.”或“-”开头。未做任何修改。
roster-error-address = “{ $value }”不是有效的设备地址：请用 主机、主机:端口 或 [IPv6]:端口。未做任何修改。
roster-error-duplicate = 名单中已有名为 { $name } 的设备。未做任何修改。
roster-error-no-device = 名单中没有名为 { $name } 的设备。未做任何修改。
roster-error-full = 名单最多只能有 { $max } 台设备。未做任何修改。
roster-error-file = 意图文件无法使用：{ $reason }。未做任何修改。
roster-error-kind = “{ $value }”不是设备类型：应为 chrony、ntpd、switch 或 other。
err-roster-edit = 名单修改被拒绝（{ $detail }）。
roster-added = { $name } 已加入名单。
roster-removed = { $name } 已从名单中移除。
roster-imported = 从导出包导入 { $count } 台设备；名单现有 { $total } 台。
roster-probing = 正在查询：4 次，间隔 2 秒。
roster-file = 设备名单：{ $path }
roster-empty = 名单中没有设备（stratum roster add 名称 地址）。
roster-summary = { $total } 台设备中有 { $following } 台跟随本服务器
roster-unknown = 未知客户端（{ $count } 个，不在名单中）：{ $list }
roster-verdict-follows-us = 跟随本服务器（偏差 { $offset }，自 { $since } 起）
roster-verdict-follows-partner = 跟随本服务器的对端 { $reference }（偏差 { $offset }，自 { $since } 起）
roster-verdict-follows-other = 向本机请求时间，但跟随其他服务器（{ $reference }）
roster-verdict-follows-other-silent = 跟随其他服务器（{ $reference }），也不向本机请求时间
roster-verdict-unsynchronised = 有应答，但未同步（层级 { $stratum }，闰秒标志 { $leap }，根距离 { $distance } 秒）
roster-verdict-polls-no-answer = 向本机请求时间（最近一次在 { $ago } 前），但不应答 NTP 查询：{ $why }
roster-verdict-polls-no-answer-switch = 向本机请求时间（最近一次在 { $ago } 前），但不应答 NTP 查询（{ $why }）：很多交换机不提供 NTP 服务，这不是错误
roster-verdict-stopped = 已不再向本机请求时间（最近一次请求在 { $ago } 前，超过其间隔的 3 倍）
roster-verdict-not-polling = 没有向本服务器请求时间
roster-verdict-unknown = 尚未测量
roster-short-follows-us = 跟随本机
roster-short-follows-other = 跟随其他服务器
roster-short-unsynchronised = 未同步
roster-short-polls-no-answer = 有请求，无应答
roster-short-not-polling = 没有请求
roster-short-unknown = 尚未测量
roster-why-timeout = 没有应答
roster-why-refused = 该地址没有 NTP 服务
roster-why-unresolved = 名称无法解析
roster-why-kiss = 它拒绝本机的查询（{ $code }）
roster-why-invalid = 只有无效的应答（{ $reason }）
roster-cause-acl-here = 本服务器的 allow 行没有包括 { $address }：请在本机加上“allow { $address }”。
roster-causes-chrony = 可能的原因：导出的配置行没有加入它的 chrony.conf（或没有重启 chronyd）、本服务器的 allow 行、防火墙拦截了 UDP 123。
roster-causes-ntpd = 可能的原因：导出的配置行没有加入它的 ntp.conf（或没有重启 ntpd）、本服务器的 allow 行、防火墙拦截了 UDP 123。
roster-causes-switch = 可能的原因：导出的命令没有执行（或没有保存）、交换机上的 ACL、它从其他接口或 VRF 发出请求（source-interface、vrf）、防火墙拦截了 UDP 123。
roster-causes-other = 可能的原因：它没有设置使用本服务器、本服务器的 allow 行、防火墙拦截了 UDP 123。
roster-cause-other-address = 有 { $count } 个未知客户端在向本服务器请求时间：其中一个可能就是这台设备，只是从其他地址发出。
roster-note-stratum = 它的层级是 { $stratum }，而不是 { $expected }（本服务器的层级加 1）：它的应答早于本服务器层级的变化，或者它自己设定了层级。
roster-note-drifting = 它的偏差 { $offset } 超过了告警阈值。
roster-note-rate-limited = 本服务器正在丢弃它的部分请求（限速）。
roster-note-polls-elsewhere = 没有看到它从自己的地址发出请求：它从其他地址访问本服务器。
roster-kind-chrony = chrony
roster-kind-ntpd = ntpd
roster-kind-switch = 交换机
roster-kind-other = 其他
alarm-roster-not-polling = 告警：{ $what } 没有向本服务器请求时间。
alarm-roster-follows-other = 告警：{ $what } 跟随其他服务器。
alarm-roster-offset = 告警：{ $what } 与本服务器的时间偏差超过阈值。
gui-panel-roster = 设备名单
roster-gui-intro = 应当跟随本服务器的设备，以及每台设备的实际情况。保存在 { $path }。
roster-gui-offline = 名单的结论需要一个本用户可以读取客户端列表的助手。
roster-gui-name = 名称
roster-gui-address = 地址
roster-gui-kind = 类型
roster-gui-verdict = 结论
roster-gui-add = 加入
roster-gui-remove = 移除 { $name }
roster-gui-probe = 立即查询全部
roster-gui-probe-one = 立即查询 { $name }
roster-gui-import = 加入导出包中的设备…
roster-gui-add-unknown = 加入 { $address }
roster-gui-unknown = 未知客户端：{ $count } 个
roster-gui-overview = 设备名单：{ $total } 台设备中有 { $following } 台跟随本服务器
export-note-client-answers = 客户端只应答来自实验室服务器的 NTP 查询（allow { $servers }），以便服务器检查它是否跟随自己（Stratum 的设备名单）。
export-comment-client-answers = 只有实验室服务器（{ $servers }）可以向本客户端查询时间：服务器从应答中确认客户端在跟随自己（Stratum 的设备名单）。
fleet-followers = 跟随它的名单设备：{ $names }
fleet-followers-none = 名单中没有设备跟随它
gui-fleet-roster = 跟随它的名单设备
explain-roster-title = 设备名单（{ $path }）：{ $total } 台设备中有 { $polling } 台在此列表中向本服务器请求时间。
explain-roster-polls = { $name }（{ $address }）向本服务器请求时间（{ $packets } 个 NTP 请求）。
explain-roster-no-ntp = { $name }（{ $address }）在列表中，但没有发过 NTP 请求。
explain-roster-absent = { $name }（{ $address }）不在此列表中：它没有向本服务器请求时间。
explain-roster-unknown = 不在名单中的客户端：{ $list }
roster-gui-empty = 名单中还没有设备：请在上方加入，或者加入导出包中的设备。
roster-gui-address-hint = 10.0.0.11 或 主机:端口
roster-gui-bundle = 导出包的描述文件
roster-gui-line = { $name }（{ $kind }，{ $address }）：{ $verdict }
roster-gui-bundle-unreadable = 无法使用导出包的描述文件 { $path }：{ $reason }。名单没有改变。
