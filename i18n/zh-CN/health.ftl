# 时间服务器的结论（core/health.rs）：概览的标题、stratum status、状态栏和通知中的告警。

health-state-healthy = 正常
health-state-starting = 正在启动
health-state-warning = 警告
health-state-critical = 严重
status-health = 健康状态

health-healthy = 已同步，状态良好：跟随{ $reference }，层级 { $stratum }。
health-healthy-unnamed = 已同步，状态良好，层级 { $stratum }。
health-starting = 正在启动：等待上游服务器的首批应答。
health-silent = chronyd 没有应答：无法得知它提供的时间。
health-own-clock-none = 以层级 { $stratum } 提供自己的时钟：没有配置上游服务器。
health-own-clock-silent = 以层级 { $stratum } 提供自己的时钟：没有上游应答——{ $causes }。
health-own-clock-unusable = 以层级 { $stratum } 提供自己的时钟：没有可用的上游——{ $causes }。
health-unsynchronised-none = 未同步：没有配置上游服务器。
health-unsynchronised-silent = 未同步：没有上游应答——{ $causes }。
health-unsynchronised-unusable = 未同步：没有可用的上游——{ $causes }。
health-cause-separator = ；
health-cause-unresolved = { $name } 无法解析
health-cause-not-yet = { $name } 尚未应答
health-cause-silent = { $name } 没有应答
health-cause-unusable = { $name } 有应答，但 chronyd 不能使用它的时间
health-cause-falseticker = { $name } 与其他时间源不一致
health-cause-jittery = { $name } 变化太大
health-cause-usable = { $name } 有应答
health-cause-selected = { $name } 已选中
health-cause-count = { $cause }（一行 pool：chronyd 为可能从中找到的服务器保留 { $count } 个位置，最多使用 maxsources 个，默认 4 个）

# 每个配置的服务器的状况（上游服务器面板）。
source-health-selected = 已选中
source-health-usable = 有应答，可被选中
source-health-unresolved = 无法解析：DNS 没有应答
source-health-not-yet = 尚未应答（到目前为止轮询了 { $polls } 次）
source-health-silent = 最近 8 次轮询都没有应答
source-health-unusable = 有应答，但 chronyd 不能使用它的时间
source-health-falseticker = 与其他时间源不一致（错误时间源）
source-health-jittery = 变化太大
source-health-absent = 不在 chronyd 的时间源中：点击“应用”即可加入
source-health-count = { $state }（{ $count } 个时间源）
source-unresolved-help = chronyd 得不到 { $name } 的地址：这里没有 DNS 服务器为它应答。请为本机配置 DNS 解析（/etc/resolv.conf 中的 nameserver 行），或改用服务器的 IP 地址代替其名称，或使用实验室自己的 DNS 能解析的名称。
source-unusable-help = { $name } 每次轮询都有应答，但 chronyd 没有选中它：选择数据会说明原因（它自己未同步、距离太远、noselect、孤儿模式的对等体）。

alarm-chronyd-silent = 告警：chronyd 没有应答。
alarm-own-clock = 告警：以层级 { $what } 提供自己的时钟：它未与任何外部时间源同步，无法保证与真实时间一致。
alarm-source-unresolved = 告警：{ $what } 无法解析（DNS 没有应答）：请为本机配置 DNS 解析，或改用服务器的 IP 地址，或使用实验室 DNS 能解析的名称。
alarm-nts-failing = 告警：与 { $what } 的 NTS 密钥建立一再失败。
alarm-leap-list-unusable = 告警：chronyd 不能使用闰秒列表 { $what }。

# 解释：名称、状态与可达性是两件事、从客户端看一台提供自己时钟的服务器、没有发送任何请求的时间源。
why-unresolved = 名称无法解析（DNS 没有应答）：chronyd 没有它的地址
why-not-polled = 没有地址，所以没有向它发送任何请求，也不可能有应答
why-state-unusable-answers = 虽有应答但不可用：chronyd 的选择没有使用它（选择数据说明原因）
why-state-refclock-unused = 虽有样本但未被使用：该 refclock 行带有“noselect”选项，或 chronyd 的选择没有用它（选择数据说明原因：N 即 noselect）
why-state-few-samples = 暂不可选：它只应答了最初几次轮询，测量数太少，chronyd 还不能选它；再等几次轮询
why-state-unusable-unsynchronised = 不可用：它以层级 0 或 16 应答，即它自己未同步
why-stratum-refclock = 层级 0：参考时钟本身就是参考
why-stratum-own-clock = 层级 { $stratum }：它的服务器处于 chrony 的“local”默认给出的层级（10），很可能提供的是它自己的时钟
why-refid-own-clock = 参考 ID 7F7F0101（LOCAL）：该服务器以层级 { $stratum } 提供它自己的时钟{ $stratum ->
        [10] ，即 chrony 的“local”指令的默认层级
       *[other] {""}
    }
why-tx-none = 尚未发送请求：chronyd 没有轮询这个时间源（被设为离线，或刚刚加入）
why-tests-bad-data = 服务器的根距离太大（测试 7）：不信任它的时间
finding-name-unresolved = { $sources } 无法解析（DNS 没有应答）：chronyd 没有可轮询的地址，所以没有发送任何请求。请为本机配置 DNS 解析（/etc/resolv.conf 中的 nameserver 行），或改用服务器的 IP 地址代替其名称，或使用实验室自己的 DNS 能解析的名称。“chronyc sources”只显示为 ID# 加编号的时间源，可用“chronyc -N sources -a”查看其配置的名称。
finding-nothing-sent = chronyd 尚未向{ $count ->
        [0] 这个时间源
       *[other] {" "}{ $sources }{" "}
    }发送任何请求（Total TX 为 0）：这个时间源没有被轮询。被设为离线的时间源（server 行的“offline”选项，或“chronyc offline”）在“chronyc online”之前不会被轮询，“chronyc activity”把它计为离线；刚刚加入的时间源还没到第一次轮询；使用密钥（server 行中的“key N”）而密钥文件缺少该密钥的时间源永远不会被轮询（chronyd 日志记录“Key N is missing”，“chronyc authdata”显示其 KLen 为 0）。只有带“nts”选项的 server 行还会等待密钥建立给出 cookie（“chronyc authdata”显示尝试次数）。
finding-nothing-sent-by-key-missing = chronyd 没有向 { $sources } 发送任何请求（Total TX 为 0），因为它没有密钥 { $key }：本段粘贴中的“chronyc authdata”显示该时间源的 KeyID 为 { $key }、密钥长度为 0，即密钥文件中缺少其“key { $key }”选项指定的密钥（chronyd 日志记录“Key { $key } is missing”）。把它设为在线也无济于事。请把密钥 { $key } 加入“keyfile”指令指定的文件（chrony.conf(5) 的 keyfile），类型和密钥与服务器的相同，然后运行“chronyc rekey”（或重启 chronyd）。
finding-nothing-sent-by-ipv6-off = chronyd 尚未向{ $count ->
        [0] 这个时间源
       *[other] {" "}{ $sources }{" "}
    }发送任何请求（Total TX 为 0），它是 IPv6 地址，而本机没有对应的本地地址（[UNSPEC]）：chronyd 没有可用于发送的 IPv6 套接字。chronyd(8)：使用 -4 时“只创建 IPv4 套接字”（查看其命令行“ps -o args -C chronyd”，以及 /etc/sysconfig/chronyd 或 /etc/default/chrony 中的 OPTIONS 是否有 -4）；禁用了 IPv6 的主机也是如此。请不带 -4 启动 chronyd，或给这个时间源使用 IPv4 地址。否则就是这个时间源没有被轮询：被设为离线（“chronyc activity”，“chronyc online”），刚刚加入，或密钥文件中缺少它的密钥。
finding-server-own-clock = { $sources } 处于层级 10，即 chrony 的“local”指令默认给出的层级：那台服务器很可能提供的是它自己的时钟（它没有上游，或者上游都没有应答），因此本机的时钟同样与真实时间没有联系。请检查那台服务器：在那里运行“chronyc sources”可以看到是否有上游应答。
finding-server-serves-own-clock = { $sources } 以层级 { $stratum } 提供它自己的时钟（参考 ID 7F7F0101，chrony 的“local”指令）：没有任何东西把那台服务器与真实时间联系起来，因此本机的时钟同样如此。隔离的实验环境可以这样；否则请给那台服务器一个可用的上游（在那里运行“chronyc sources”可以看到它的时间源以及它们是否应答）。
