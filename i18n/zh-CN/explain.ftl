# 解释文字：字段含义（field-*）、判断理由（why-*）、诊断结论及原因和解决办法（finding-*）。

explain-kind = 识别为：{ $kind }
explain-kind-csv = { $kind }（CSV，chronyc -c）
explain-reason-meaning = { $reason }。{ $meaning }
explain-findings = 诊断
explain-no-findings = 未发现问题。
explain-not-recognised = 无法识别此输出（支持 chronyc、ntpq、ntpstat、timedatectl 以及交换机的 show/display ntp 命令）。
explain-lone-name = 这里只有一个地址或名称，正如“chronyc sourcename”的输出（某个时间源配置时使用的名称或地址）：其中没有可判断的内容。要解读该时间源，请粘贴它的“chronyc sources”或“chronyc ntpdata”输出。
explain-chronyd-log-tracking = 这些是 chronyd 自己的 tracking 日志（tracking.log，由 chrony.conf 中的“log tracking”写出），不是 chronyc 的输出：explain 读取 chronyc 和其他工具打印的内容。“stratum stats tracking.log”可以读取此日志并汇总其中各值随时间的变化。
explain-chronyd-log-measurements = 这些是 chronyd 自己的 measurements 日志（measurements.log，由 chrony.conf 中的“log measurements”写出），不是 chronyc 的输出：explain 读取 chronyc 和其他工具打印的内容。“stratum stats measurements.log”可以读取此日志并汇总其中各值随时间的变化。
explain-chronyd-log-statistics = 这些是 chronyd 自己的 statistics 日志（statistics.log，由 chrony.conf 中的“log statistics”写出），不是 chronyc 的输出：explain 读取 chronyc 和其他工具打印的内容。“stratum stats statistics.log”可以读取此日志并汇总其中各值随时间的变化。
explain-chronyd-log-refclocks = 这些是 chronyd 自己的 refclocks 日志（refclocks.log，由 chrony.conf 中的“log refclocks”写出），不是 chronyc 的输出：explain 读取 chronyc 和其他工具打印的内容。“stratum stats refclocks.log”可以读取此日志并汇总其中各值随时间的变化。
explain-empty = 没有可解释的内容：输入为空。
explain-too-large = 输入超过 4 MiB，请只粘贴一条命令的输出。
explain-encoding = 该文件既不是 UTF-8 也不是 UTF-16（例如中文 Windows 编辑器的“ANSI”是 GBK 编码）：请另存为 UTF-8（或 UTF-16）后重试。
explain-col-field = 字段
explain-col-value = 值
explain-col-verdict = 判断
explain-col-meaning = 含义
explain-row = 第 { $n } 行
verdict-ok = 正常
verdict-warn = 注意
verdict-bad = 异常
verdict-info = 信息
field-accuracy = ntpstat 估计的时钟最大误差（根延迟/2 + 根离散）。
field-actual-freq = 设备时钟校正后的实际频率；接近标称频率为正常。
field-address = 此行所指的时间源、客户端或服务器的地址或名称。
field-auth = 时间源是否经过认证（Y 是，N 否）。
field-auth-mode = 时间源的认证方式：- 无，SK 对称密钥，NTS 网络时间安全。
field-auth-packets = 收到的通过认证的 NTP 数据包数。
field-authenticated = 来自该源的最后一个数据包是否经过认证。
field-burst-offline = 正在突发同步、之后转为离线的时间源数。
field-burst-online = 正在突发同步、之后保持在线的时间源数。
field-clock-jitter = 设备时钟偏移的短期波动；越小越好。
field-clock-status = 设备时钟是否已同步到时间源。
field-clock-synchronized = 内核是否认为系统时钟已同步（由 chronyd、ntpd 或 systemd-timesyncd 完成）。
field-cmd-dropped = 因限速被丢弃的命令（chronyc）数据包数。
field-cmd-drops = 该客户端被丢弃的命令请求数。
field-cmd-hits = 从该客户端收到的命令（chronyc）请求数。
field-cmd-interval = 命令请求的平均间隔（以 2 为底的对数秒），- 表示没有。
field-cmd-last = 距该客户端上次命令请求的时间，- 表示从未有过。
field-cmd-received = 收到的命令（chronyc）数据包数。
field-conf-options = 配置中设置的选择选项：N noselect、P prefer、T trust、R require。
field-cookie-length = NTS cookie 的长度（字节）。
field-cookies = chronyd 为该源持有的 NTS cookie 数。
field-delay = 到时间源的往返延迟；局域网内通常远小于几毫秒。
field-dispersion = 离散：该源样本的误差估计；收不到应答时会持续增大。
field-drift = 设备环路滤波器校正的频率漂移（秒/秒）。
field-eff-options = 实际生效的选择选项（经认证规则调整后）：N noselect、P prefer、T trust、R require。
field-error = 最后一个样本的估计误差（+/- 部分），真实偏移在此范围内。
field-est-offset = 根据全部样本估计的时间源偏移。
field-flags = 会话标志（Comware 命令参考）：1 设备当前跟随的参考源，2 层级不大于 15，3 通过了时钟选择，4 候选源，5 由配置命令创建。
field-freq-skew = 频率的估计误差范围；数值大说明源或路径不稳定。
field-frequency = 本地时钟的频率误差（在 sourcestats 中为源的频率误差），单位 ppm；正常时钟在 ±100 ppm 内。
field-hi-limit = 选择时使用的源偏移区间的上限。
field-interleaved = 最后一次交换是否使用了交错模式（发送时间戳更准确）。
field-interleaved-packets = 以交错模式应答的 NTP 数据包数。
field-jitter = 样本间偏移的波动；越小越稳定。
field-jitter-asymmetry = 网络抖动的估计不对称度，-0.5 到 +0.5。
field-ke-attempts = 自上次成功以来 NTS 密钥建立的尝试次数。
field-key-id = 使用对称密钥时，是密钥文件中的密钥 ID；使用 NTS 时，是与该源成功完成密钥交换（NTS-KE）的次数，从 0 开始计数。
field-key-length = 密钥长度（位）。
field-key-type = 密钥类型（散列或加密算法编号）。
field-last-ke = 距上次 NTS 密钥建立的时间。
field-last-offset = 上次时钟更新时测得的偏移。
field-last-rx = 距上次收到该源有效样本的时间（LastRx），- 表示从未收到；超过几个轮询周期说明它已停止应答。
field-last-sample = 距该源上个样本的时间。
field-last-update = 设备上次更新时钟至今的时间。
field-leap = 闰秒状态：Normal（正常）、插入/删除闰秒，或 Not synchronised（未同步）。
field-lo-limit = 选择时使用的源偏移区间的下限。
field-local = 设备与该对等体通信使用的本地地址。
field-local-address = chronyd 与该源通信使用的本地地址。
field-local-mode = 设备对其对等体的 NTP 模式（client、symmetric active 等）。
field-local-time = 本地时区的系统时间。
field-log-dropped = 因客户端日志已满（clientloglimit）而丢弃的客户端记录数。
field-loopfilter = 设备时钟调节环路的状态。
field-measured-offset = 最后一个样本测得的原始偏移（方括号部分），未计入之后的校正。
field-mode = 源模式：^ 服务器，= 对等体，# 本地参考时钟。
field-nak = 收到的 NTS 否定应答数。
field-nominal-freq = 设备时钟振荡器的标称频率。
field-now = 距收到该源上一个数据包的秒数。
field-ntp-dropped = 因限速（ratelimit）被丢弃的 NTP 数据包数。
field-ntp-drops = 该客户端被丢弃的 NTP 请求数（Drop），大于 0 表示触发了限速。
field-ntp-hits = 从该客户端收到的 NTP 请求数（NTP）。
field-ntp-interval = 客户端请求的平均间隔（Int，以 2 为底的对数秒）：6 表示 64 秒。
field-ntp-interval-limit = 对该客户端限速之后，其 NTP 请求的平均间隔，以 2 为底的对数秒（IntL）；从未被限速时为 -。
field-ntp-last = 距客户端上次 NTP 请求的时间（Last）。
field-ntp-mode = 远端的 NTP 模式（server、symmetric active/passive）。
field-ntp-received = 从客户端收到的 NTP 数据包数。
field-ntp-service = 时间同步服务是否已启用并在运行。
field-ntp-tests = 最后一个数据包的 NTP 测试结果；全为 1 表示全部通过。
field-ntske-accepted = 接受的 NTS-KE 连接数。
field-ntske-dropped = 因限速被丢弃的 NTS-KE 连接数。
field-offline = 被设为离线（不轮询）的时间源数。
field-offset = 本地时钟与时间源的偏移；越小越好。
field-online = 正在轮询的时间源数。
field-peer-delay = 与该源最后一次交换的往返延迟。
field-peer-dispersion = 与该源最后一次交换的离散。
field-poll = 轮询间隔，以 2 为底的对数秒：6 表示 64 秒，10 表示 1024 秒。
field-poll-interval = 轮询间隔。
field-precision = 时钟精度（以 2 为底的对数秒）。
field-prefer = 该服务器是否被配置为首选。
field-reach = 可达性寄存器（八进制）：最近 8 次轮询，377 表示全部应答，0 表示全无应答。
field-ref-clock = 时间源的参考 ID：其上游地址或 .GPS. 之类的时钟代码。
field-ref-time = 时钟上次根据参考源更新的时间（UTC）。
field-reference = 设备同步的参考源。
field-reference-time = 设备上次从参考源获取时间的时刻。它比系统时间早“距上次更新的时间”，两者本来就不相等。
field-refid = 参考 ID：时钟跟随的源，可以是 IPv4 地址（IPv6 时为其哈希）、参考时钟代码（如 .GPS. 或 LOCL）或 kiss 代码（如 .INIT.，表示尚未同步）；chronyc 以十六进制显示，没有时为 00000000。
field-remote = 远程服务器或对等体的地址。
field-remote-address = 时间源的地址。
field-remote-port = 时间源的 UDP 端口。
field-residual-freq = 源与本地估计之间尚未校正的频率差（ppm）。
field-response-time = 服务器从收到请求到应答所用的时间。
field-rms-offset = 偏移的长期平均值（均方根）。
field-root-delay = 到层级 1 参考源的总往返延迟。
field-root-dispersion = 到层级 1 参考源累积的总离散；时钟误差上限随之增大。
field-rtc-local = 硬件时钟是否使用本地时间而不是 UTC。
field-rtc-time = 硬件时钟（RTC）的时间。
field-runs = 残差同号连续段数（NR）；段数过少说明样本不符合线性模型。
field-sample-offset = 最后一个样本经后续时钟校正调整后的偏移（方括号前）。
field-samples = 该源保留的样本数（NP）。
field-score = 相对于当前选中（*）源的得分：大于 1 表示该源在最近几次选择中更好；达到 10 时 chronyd 重新选择并把得分重置为 1。它避免根距离相近的源频繁轮换。
field-select-state = 选择状态：* 最佳，+ 合并，- 未合并，x 错误源，~ 抖动，N noselect，s 未同步，M 样本不足，d/D 距离过大，w/W 等待其他源，S 过时，O 孤儿，T/P/U 未受信任/非首选/等待更新，L 离群。
field-server = 时钟同步到的服务器。
field-skew = 频率的估计误差范围（ppm）。
field-source-interface = 设备发送 NTP 报文所用的源接口。
field-span = 最早与最新样本之间的时间跨度。
field-stability = 频率稳定度（漂移）。
field-state = 源状态：* 选中，+ 合并，- 未合并，? 不可用，x 错误源，~ 变化过大。
field-status = 设备看到的服务器或会话状态。
field-status-word = ntpd 的系统状态字：闰秒、时间源和事件计数。
field-std-dev = 样本的标准差（Std Dev），即该源的噪声。
field-stratum = 层级：与参考时钟的距离。1 表示直接连接，16（或 0）表示未同步。
field-sync-state = 设备时钟的同步状态。
field-sync-status = 时钟是否已同步。
field-sys-peer = 系统对等体的关联 ID。
meaning-ntpq-sysinfo-sys-peer = ntpd 跟随的服务器（系统对等体），格式为 address:port；不跟随任何服务器时为 0.0.0.0:0。
field-system-peer = 设备同步的对等体。
field-system-time = 系统时钟当前与 chronyd 的 NTP 时间相差多少：“slow”（慢）表示落后，“fast”（快）表示超前。chronyd 通过微调（slew，让时钟走快或走慢）来修正。
field-tally = 选择标记：* 系统对等体，+ 候选（参与合并），# 备用（通过选择但不参与合并），- 离群，x 错误源，空白表示被拒绝。
field-time-zone = 系统时区。
field-timestamp-span = 保留的服务器时间戳的时间跨度（交错模式）。
field-timestamps-held = 为交错模式保留的服务器时间戳数。
field-total-good-rx = 来自该源且通过全部测试的数据包数。
field-total-rx = 从该源收到的数据包数。
field-total-tx = 发送给该源的数据包数。
field-total-valid-rx = 从该源收到的有效数据包数。
field-tx-timestamping = 发送时间戳的来源：Daemon、Kernel 或 Hardware。
field-rx-timestamping = 接收时间戳的来源：Daemon、Kernel 或 Hardware。
field-type = 关联类型：u 单播，b 广播，l 本地，p 池，s 对称。
field-universal-time = UTC 时间的系统时间。
field-unresolved = 尚未能把名称解析为地址的时间源数。
field-update-interval = 最近两次时钟更新之间的间隔。
field-version = NTP 版本。
field-vrf = 访问该对等体所经的 VRF。
field-when = 距收到该对等体上一个数据包的秒数。
why-reach-full = 最近 8 次轮询全部应答
why-reach-zero = 最近 8 次轮询都没有应答：不可达（服务器没有为此客户端配置“allow”或有拒绝它的“deny”、防火墙、地址错误或 UDP 123 被阻断）
why-reach-zero-ntpd = 最近 8 次轮询都没有应答：不可达（服务器上的“restrict”行忽略了本机、防火墙、地址错误或 UDP 123 被阻断）
why-reach-zero-switch = 最近 8 次轮询都没有应答：不可达（服务器不为本设备提供时间、途中的 ACL、地址、VRF 或源接口错误，或 UDP 123 被阻断）
why-reach-partial = 最近 8 次轮询只应答了 { $answered } 次：存在丢包
why-reach-stopped = 以前应答过，但最近 { $missed } 次轮询都没有应答：它已停止应答（距最后一次应答的时间在增长）
why-reach-last-missed = 最新一次轮询没有应答，之前的都应答了：只丢了一次，还不能说明存在丢包
why-reach-last-missed-filling = 最新一次轮询没有应答，之前的 { $answered } 次都应答了，更早的位没有应答：如果 chronyd 在 { $polls } 次轮询前才开始轮询该源，这只是丢了一次；否则更早的轮询也没有应答，存在丢包（“chronyc ntpdata”可对比请求数与应答数：Total TX、Total RX）
why-state-selected = 时钟正同步到此源
why-state-combined = 与选中的源合并使用
why-state-not-combined = 可用但未合并
why-state-unusable = 不可用：尚无应答或应答无效
why-state-falseticker = 错误源：其时间与多数源不一致
why-state-jittery = 变化过大，无法使用
why-stratum-ok = 层级 { $stratum } 有效
why-stratum-unsynchronised = 层级 { $stratum } 表示未同步
why-leap-normal = 已同步，无待处理闰秒
why-leap-unsynchronised = 未同步
why-refid-none = 没有参考源：时钟没有跟随任何源
why-refid-local = 本地时钟（local stratum）：未使用上游
why-offset-beyond-error = 大于估计误差：源或路径不稳定
why-last-rx-never = 从未收到样本
why-last-rx-stale = 约 { $polls } 个轮询周期之前：该源已停止应答
why-drops-zero = 没有请求被丢弃
why-drops-rate-limited = 有 { $drops } 个请求被丢弃：客户端轮询速度超过 ratelimit 的限制
why-skew-large = 超过 100 ppm：估计值尚不稳定
why-tally-sys-peer = 系统对等体：时钟正在跟随它
why-tally-candidate = 与系统对等体合并的候选源
why-tally-backup = 备用源：它通过了选择，但按同步距离不在前六个之内，所以不参与合并
why-tally-outlier = 离群者，未使用
why-tally-falseticker = 错误源，未使用
why-tally-rejected = { $answers ->
        [yes] 有应答但未被使用（最近一次轮询有应答）：选择算法把它排除了（自身未同步、与其他服务器相差太远，或太不稳定）
       *[other] 被拒绝：不可达或尚未有效
    }
why-kiss-code = kiss 代码 { $code }：服务器回复的是这个代码而不是时间（RFC 5905，7.4）
why-kiss-denied = kiss 代码 { $code }：{ $code ->
        [RSTR] 因服务器的本地策略拒绝访问
       *[other] 远端服务器拒绝访问
    }（RFC 5905，7.4）：服务器拒绝本客户端
why-kiss-rate = kiss 代码 { $code }：超出速率（RFC 5905，7.4）：服务器对本客户端限速
why-kiss-auth = kiss 代码 { $code }：{ $code ->
        [CRYP] 密码认证或身份识别失败
       *[other] 服务器认证失败
    }（RFC 5905，7.4）
why-kiss-step = kiss 代码 { $code }：时钟发生了跳变，此关联此后尚未重新同步（ntp 的 decode.html）：这是暂时状态，不是拒绝
why-switch-synchronized = 已同步
why-switch-unsynchronized = 未同步
why-switch-selected = 被选为时钟源
why-switch-rejected = 被设备拒绝
why-switch-candidate = 有效的候选源
why-switch-not-survived = 它有应答，但没有通过设备的时钟选择（标志中没有 3 或 4）：多半是它的时间与其他服务器不一致，或者它的距离（时延和离散度）过大
why-yes = 是
why-no = 否
finding-not-synchronised-by-stratum-16 = 被自己的客户端拒绝：本服务器跟随 { $sources } 并调节自己的时钟（闰秒状态正常），但它处于层级 16，NTP 把这一层级留给未同步的时钟（RFC 5905：15 是最高的有效层级），因此它的客户端会拒绝它。它的时间源有应答（参考 ID 是真实的），层级为 15，是服务器可有的最高层级：本服务器比它低一跳，正是超出 NTP 上限的那一跳。两台互相跟随的服务器（各自的 server 行指向对方）会攀升到这里，从很高的“local stratum N”开始的服务器链也会。请给服务器一个真正的上游或较小的“local stratum N”；若是两台互为备份的服务器，请在两边都使用 peer 行和 N 较小的“local stratum N orphan”。
finding-not-synchronised = 未同步：没有可用的上游（参考 ID 00000000，层级 0 或 16）。请检查服务器是否在 UDP 123 端口应答（防火墙、安全组），名称能否解析（DNS），隔离的服务器是否配置了“local stratum 10 orphan”（从 chrony 4.7 起，orphan 服务器启动后还要按 waitunsynced 等待 300 秒才提供时间）；若禁用了 IPv6，请用 -4 参数启动 chronyd。
finding-no-upstream-reachable = 所有时间源都没有应答（可达性均为 0）。首先检查服务器是否允许此客户端：chrony.conf(5)（allow）写明默认不允许任何客户端访问，没有“allow”行覆盖的客户端，其请求会被 chronyd 直接丢弃、没有应答，看起来和防火墙一样；服务器需要一行包含本客户端子网的“allow”，并且不能有覆盖本客户端的“deny”：chrony.conf(5)（allow、deny）规定更具体的规则优先，所以允许整个子网的“allow”抵消不了拒绝本客户端地址的“deny”；请删除那行“deny”（在服务器上运行“chronyc accheck 地址”可确认是否放行该客户端）。其次可能是：沿途或防火墙阻断了 UDP 123、{ $names ->
        [none] 地址错误，
       *[some] 地址错误或名称无法解析，
    }时间源被设为离线（“chronyc offline”或“offline”选项：chronyd 不轮询它们；“chronyc activity”会统计它们，“chronyc online”可恢复），或者上游有应答但自身未同步：chrony 只把来自已同步服务器的应答计入可达性，没有配置“local stratum N”的实验服务器，其客户端会看到可达性 0 和层级 0。
finding-unknown-address = 有 { $count } 个时间源尚无地址：名称无法解析。请检查 DNS 或改用 IP 地址；禁用 IPv6 时请用 -4 启动 chronyd。
finding-falseticker = { $count ->
        [0] 有时间源被判为错误源（falseticker）
       *[other] { $sources } 被判为错误源（falseticker）
    }：chronyd 认为其时间与多数其他时间源不一致（chronyc(1)：“x”），在选择时把错误源排除在外。错误源显示的偏移是它与其他源的不一致，而不是本机时钟的误差。请检查该源（它的服务器和到它的路径）；有三个或更多彼此一致的源时，多数可以把错误的源投票排除。
finding-single-source = 只有一个时间源：时钟盲目跟随它，无法发现它出错。如果实验环境有主备两台服务器，请给本机配置这两台；有三个或更多独立的时间源时，还能通过多数判断排除出错的一个。
finding-single-source-switch = 只有一台服务器：设备盲目跟随它，无法发现它出错。如果实验环境有主备两台服务器，请在设备的 NTP 配置中也加上另一台，这样其中一台停机时设备仍能保持时间。
finding-none-selected = 时间源有应答但都未被选中：它们可能样本还不够（刚启动或刚加入的时间源需要几次轮询）、彼此不一致、距离过大（maxdistance）、变化过大，或在等待一个带“require”却不可选的时间源（同时配置了已认证和未认证的时间源时，默认的 authselectmode mix 会给每个已认证的时间源（NTS 或对称密钥“key”）和参考时钟加上“require”），或可选的时间源少于“minsources”的要求（chrony.conf(5) minsources：在更新本地时钟之前，至少要有这么多时间源被视为可选；selectdata 把它们标为 W）。“chronyc selectdata”给出每个时间源的原因。
finding-serving-local-clock = 服务器提供的是它自己的时钟（local stratum）：适用于隔离的实验环境，但它未与任何外部时间源同步，无法保证与真实时间一致。它与真实时间相差多少是未知的：chronyd 对本机时钟报告的根离散度不是误差的上限，因为没有任何测量。
finding-serving-local-clock-by-upstreams-silent = 服务器正在提供它自己的时钟（local stratum），因为配置的上游时间源都没有应答（本次粘贴中的 sources 报告：reach 全为 0）。这是后备状态，不是正常状态：它提供的时间与真实时间没有任何关联，上游不应答期间，它与真实时间相差多少是未知的：chronyd 对本机时钟报告的根离散度不是误差的上限。请先让上游恢复应答（见 sources 的诊断）。
finding-clients-rate-limited = 部分客户端（{ $sources }）的请求被限速丢弃：它们的轮询速度超过 ratelimit 的限制。请降低客户端轮询频率或调整 ratelimit 的 interval/burst。
finding-ntp-service-inactive = 没有运行时间同步服务：请启动 chronyd，在 RHEL、Rocky、CentOS 和 Fedora 上用“systemctl enable --now chronyd”，在 Debian 和 Ubuntu 上用“systemctl enable --now chrony”。
finding-source-rejected = 设备拒绝了某个服务器：它不可达、自身未同步或未通过检查。请检查该服务器的状态和到它的路径。
finding-reference-vs-system-time = 参考时间是设备上次同步的时刻，系统时间是当前时刻。两者相差“距上次更新的时间”，这是正常的。
finding-synchronised = { $offset ->
    [none] 已同步，层级 { $stratum }：无需处理。
   *[other] 已同步，层级 { $stratum }，与参考源相差 { $offset }：偏移很小，无需处理。
}
finding-synchronised-by-upstream-local-clock = { $offset ->
    [none] 已同步，层级 { $stratum }，但同步的是一台提供自己本地时钟的服务器（见上文）：与该服务器一致，不代表与真实时间一致。
   *[other] 已同步，层级 { $stratum }，与参考源相差 { $offset }；参考源是一台提供自己本地时钟的服务器（见上文）：与该服务器一致，不代表与真实时间一致。
}
finding-peer-same-stratum = 对等体以相同层级各自提供自己的时钟：它们没有处于孤儿（orphan）模式。chrony.conf(5)（local 的 orphan 选项）：请在同组每台服务器上使用相同的“local stratum N orphan”，这样参考 ID 最小的一台提供时间，其余跟随它。
field-uptime = 设备上 NTP 已运行的时间（IOS-XE 上以百分之一秒计）。
field-resolution = 设备时钟的分辨率（IOS-XE 上以微秒计）。
field-nts-ke-hits = 该客户端的 NTS-KE 连接数。
field-nts-ke-drops = 该客户端被丢弃的 NTS-KE 连接数。
field-nts-ke-interval = NTS-KE 连接的平均间隔（以 2 为底的对数秒）。
field-nts-ke-last = 距该客户端上次 NTS-KE 连接的时间。
field-assoc-state = IOS 对此关联的判断：our_master 表示时钟跟随的系统对等体，selected 或 candidate 表示可用，outlyer 表示未被使用，falseticker 表示与其他源不一致，sane/insane 与 valid/invalid 表示其报文和时间是否通过检查，unsynced 表示该服务器本身未同步。
field-total-kernel-tx = 发往该源、发送时间戳由内核提供的数据包数（chrony 4.6 及以后）。
field-total-kernel-rx = 来自该源、接收时间戳由内核提供的数据包数（chrony 4.6 及以后）。
field-total-hw-tx = 发往该源、发送时间戳由网卡提供的数据包数（chrony 4.6 及以后）。
field-total-hw-rx = 来自该源、接收时间戳由网卡提供的数据包数（chrony 4.6 及以后）。
field-daemon-rx-timestamps = 由 chronyd 自己记录接收时间戳的客户端请求数，精度最低（chrony 4.4 及以后）。
field-daemon-tx-timestamps = 由 chronyd 自己记录发送时间戳的响应数（chrony 4.4 及以后）。
field-kernel-rx-timestamps = 接收时由内核打时间戳的客户端请求数（chrony 4.4 及以后）。
field-kernel-tx-timestamps = 发送时由内核打时间戳的响应数（chrony 4.4 及以后）。
field-hardware-rx-timestamps = 接收时由网卡打时间戳的客户端请求数，精度最高（chrony 4.4 及以后，需要 hwtimestamp）。
field-hardware-tx-timestamps = 发送时由网卡打时间戳的响应数（chrony 4.4 及以后，需要 hwtimestamp）。
why-reach-starting = 自开始轮询以来 { $answered } 次全部应答：寄存器仍在填充，没有丢包
why-no-reference = 没有同步到任何时间源：这是 chronyd 自己的估计，不是与真实时间的比较
why-own-clock-no-bound = 未知（使用本机时钟）：chronyd 不把本机时钟与任何时间源比较，所以这个值（常为 0）不是与真实时间之间误差的上限
why-no-sample = 尚无样本：chronyd 还没有接受过该源的任何应答（没有应答，或应答都未通过检验），这里显示的是占位值，不是测量结果
why-no-sample-ntpd = 尚无样本：ntpd 还没有收到该服务器的可用应答（没有应答，或应答都未通过其检查），这里显示的是占位值，不是测量结果
why-no-key = 没有密钥，也没有 NTS：该源未经认证，chronyc 在这里显示的 0 不代表任何计数
why-not-nts = 不是 NTS：该源使用对称密钥认证，chronyc 在 NTS 各列显示的 0 不代表任何计数
why-no-sample-switch = 尚无样本：设备还没有收到该服务器的应答，这里显示的是占位值，不是测量结果
why-stratum-no-answer = 16，即“未同步”（RFC 5905）：服务器首次应答之前关联所处的层级
why-refid-init = INIT：尚无应答（RFC 5905 的 kiss code：“关联尚未首次同步”）
why-refid-nts-ke = NTS：ntpd 仍在等待与该服务器的 NTS 密钥交换（ntpsec 的 ntp_peer.c 把 NTS 关联标记为“NTS”，直到经 TCP（默认端口 4460）的密钥交换给它 cookie）；在此之前不会发出 NTP 请求
why-unsync-placeholder = 该服务器未同步：这是 chronyd 此时发送的占位值（根延迟和根离散度为 1 秒），不是测量结果
finding-some-unreachable = { $servers ->
        [public]
            有 { $count } 个时间源从未应答（可达性为 0）：{ $sources }。它们是公共服务器，对任何客户端都应答，所以原因不在它们的“allow”。首先检查本机出去的路：到互联网的路由，以及本机防火墙和网络（云的安全组或 ACL）是否放行出站 UDP 123 及其应答{ $names ->
                [none] 。
               *[some] ；还有 DNS：名称无法解析的时间源不会被轮询。
            }其次是地址错误，或时间源被设为离线（“chronyc activity”会统计它们）。
       *[other]
            有 { $count } 个时间源从未应答（可达性为 0）：{ $sources }。首先检查这些服务器是否允许此客户端：chrony.conf(5)（allow）写明默认不允许任何客户端访问，没有“allow”行覆盖的客户端，其请求会被 chronyd 直接丢弃、没有应答，看起来和防火墙一样；服务器需要一行包含本客户端子网的“allow”，并且不能有覆盖本客户端的“deny”：chrony.conf(5)（allow、deny）规定更具体的规则优先，所以允许整个子网的“allow”抵消不了拒绝本客户端地址的“deny”；请删除那行“deny”（在服务器上运行“chronyc accheck 地址”可确认是否放行该客户端）。其次可能是：沿途 UDP 123 被阻断、{ $names ->
                [none] 地址错误，
               *[some] 名称无法解析，
            }时间源被设为离线后未再轮询（“chronyc offline”或“offline”选项；“chronyc activity”会统计它们），或者服务器有应答但自身未同步（chrony 只把已同步服务器的应答计入可达性；没有配置“local stratum N”的实验服务器会让其客户端出现这种情况）。
    }
field-poll-seconds = 轮询间隔，单位为秒（ntpq 和网络交换机显示秒数：64 即 2⁶ 秒，1024 即 2¹⁰ 秒）。
field-current-time = 设备时钟的当前值（是日期和时间，不是偏移）：Cisco 和华为显示为“system time”，ntpq 显示为“clock”。它比参考时间晚，差值为距上次更新的时间。
finding-no-clients-yet = 客户端表为空：还没有客户端访问过此服务器。请检查客户端是否指向本服务器的地址、“allow”是否覆盖其子网且没有“deny”覆盖它们（更具体的规则优先，允许子网的“allow”抵消不了拒绝某个客户端的“deny”），以及 UDP 123 是否对其开放；客户端发出第一个请求后，chronyd 才会列出它。
finding-no-sources = 没有配置时间源，或尚未识别到任何时间源：请添加 server 或 pool 行（或检查 sourcedir），并确认名称可以解析。
finding-no-sources-or-local = 没有列出任何时间源：chronyd 没有 server、pool、peer 或参考时钟，或尚未识别到任何时间源。只提供本机时钟的实验室服务器（“local stratum N”，没有上游）就是这样，它的 tracking 显示参考 ID 7F7F0101（LOCL）。否则请添加 server 或 pool 行（或检查 sourcedir），并确认名称可以解析。

# Column and field names as people read them (the tool's own name is in the tooltip).
label-accuracy = 最大误差
label-actual-freq = 实际频率
label-restrict-flags = restrict 标志
label-rate-control = 限速结果
label-address = 地址
label-auth = 认证
label-auth-mode = 认证模式
label-auth-packets = 已认证数据包
label-authenticated = 已认证
label-burst-offline = 突发后离线
label-burst-online = 突发后在线
label-clock-jitter = 时钟抖动
label-clock-status = 时钟状态
label-clock-synchronized = 时钟已同步
label-cmd-dropped = 丢弃的命令包
label-cmd-drops = 丢弃的命令
label-cmd-hits = 命令数
label-cmd-interval = 命令间隔（log₂ 秒）
label-cmd-last = 距上次命令
label-cmd-received = 收到的命令包
label-conf-options = 配置的选项
label-cookie-length = Cookie 长度
label-cookies = Cookie 数
label-delay = 延迟
label-dispersion = 离散度
label-drift = 漂移
label-eff-options = 生效的选项
label-error = 误差界
label-est-offset = 估计偏移
label-flags = 标志
label-freq-skew = 频率误差（ppm）
label-frequency = 频率（ppm）
label-hi-limit = 上限
label-interleaved = 交错模式
label-interleaved-packets = 交错模式数据包
label-jitter = 抖动
label-jitter-asymmetry = 抖动不对称
label-ke-attempts = NTS-KE 尝试次数
label-key-id = 密钥 ID
label-key-length = 密钥长度（位）
label-key-type = 密钥类型
label-last-ke = 距上次 NTS-KE
label-last-offset = 上次偏移
label-last-rx = 距上次应答
label-last-sample = 上次样本
label-last-update = 上次更新
label-leap = 闰秒状态
label-lo-limit = 下限
label-local = 本地
label-local-address = 本地地址
label-local-mode = 本地模式
label-local-time = 本地时间
label-log-dropped = 丢弃的客户端记录
label-loopfilter = 环路滤波器
label-measured-offset = 测得偏移
label-mode = 模式
label-nak = NAK
label-nominal-freq = 标称频率
label-now = 当前
label-ntp-dropped = 丢弃的 NTP 包
label-ntp-drops = 丢弃的 NTP
label-ntp-hits = NTP 请求
label-ntp-interval = 间隔（log₂ 秒）
label-ntp-interval-limit = 限速后间隔（log₂ 秒）
label-ntp-last = 距上次请求
label-ntp-mode = NTP 模式
label-ntp-received = 收到的 NTP 包
label-ntp-service = NTP 服务
label-ntp-tests = NTP 检验
label-ntske-accepted = 接受的 NTS-KE
label-ntske-dropped = 丢弃的 NTS-KE
label-offline = 离线
label-offset = 偏移
label-online = 在线
label-peer-delay = 对端延迟
label-peer-dispersion = 对端离散度
label-poll = 轮询（log₂ 秒）
label-poll-interval = 轮询间隔
label-precision = 精度
label-prefer = 首选
label-reach = 可达性（八进制）
label-ref-clock = 参考时钟
label-ref-time = 参考时间
label-reference = 参考源
label-reference-time = 参考时间
label-refid = 参考 ID
label-remote = 远端
label-remote-address = 远端地址
label-remote-port = 远端端口
label-residual-freq = 剩余频率（ppm）
label-response-time = 响应时间
label-rms-offset = 均方根偏移
label-root-delay = 根延迟
label-root-dispersion = 根离散度
label-rtc-local = RTC 使用本地时间
label-rtc-time = RTC 时间
label-runs = 游程数
label-sample-offset = 偏移
label-samples = 样本数
label-score = 评分
label-select-state = 选择状态
label-server = 服务器
label-skew = 频率误差（ppm）
label-source-interface = 源接口
label-span = 跨度
label-stability = 稳定度
label-state = 状态
label-status = 状态
label-status-word = 状态字
label-flash = flash 位
label-peer-status = 关联状态
label-std-dev = 标准差
label-stratum = 层级
label-sync-state = 同步状态
label-sync-status = 同步状态
label-sys-peer = 系统对等体
label-system-peer = 系统对等体
label-system-time = 系统时钟与 NTP 的差
label-tally = 标记
label-time-zone = 时区
label-timestamp-span = 时间戳跨度
label-timestamps-held = 保留的时间戳
label-total-good-rx = 有效应答
label-total-rx = 收到
label-total-tx = 发出
label-total-valid-rx = 合法应答
label-tx-timestamping = 发送时间戳
label-rx-timestamping = 接收时间戳
label-type = 类型
label-universal-time = 世界时
label-unresolved = 未解析
label-update-interval = 更新间隔
label-version = 版本
label-program = 程序
label-features = 编译功能
label-vrf = VRF
label-when = 上次应答（秒前）
label-uptime = 运行时间
label-resolution = 分辨率
label-nts-ke-hits = NTS-KE 连接
label-nts-ke-drops = 丢弃的 NTS-KE
label-nts-ke-interval = NTS-KE 间隔（log₂ 秒）
label-nts-ke-last = 上次 NTS-KE（秒前）
label-assoc-state = 关联状态
label-total-kernel-tx = 内核发送时间戳
label-total-kernel-rx = 内核接收时间戳
label-total-hw-tx = 硬件发送时间戳
label-total-hw-rx = 硬件接收时间戳
label-daemon-rx-timestamps = 守护进程接收时间戳
label-daemon-tx-timestamps = 守护进程发送时间戳
label-kernel-rx-timestamps = 内核接收时间戳
label-kernel-tx-timestamps = 内核发送时间戳
label-hardware-rx-timestamps = 硬件接收时间戳
label-hardware-tx-timestamps = 硬件发送时间戳
label-poll-seconds = 轮询（秒）
label-current-time = 当前时钟

# 各类输出的名称。
kind-chronyc-sources = chronyc sources
kind-chronyc-sourcestats = chronyc sourcestats
kind-chronyc-tracking = chronyc tracking
kind-chronyc-clients = chronyc clients
kind-chronyc-activity = chronyc activity
kind-chronyc-ntpdata = chronyc ntpdata
kind-chronyc-serverstats = chronyc serverstats
kind-chronyc-selectdata = chronyc selectdata
kind-chronyc-authdata = chronyc authdata
kind-ntpq-peers = ntpq -p（ntpd 的时间源列表）
kind-ntpq-rv = ntpq -c rv（ntpd 的系统变量）
kind-ntpq-sysinfo = ntpq -c sysinfo（ntpsec 系统变量的概况）
kind-ntpstat = ntpstat
kind-timedatectl = timedatectl status
kind-timedatectl-show = timedatectl show
kind-timedatectl-timesync-status = timedatectl timesync-status（systemd-timesyncd）
kind-cisco-show-ntp-status = 思科 IOS show ntp status
kind-cisco-show-ntp-associations = 思科 IOS show ntp associations
kind-cisco-show-ntp-associations-detail = 思科 IOS show ntp associations detail
kind-nxos-show-ntp-peer-status = 思科 NX-OS show ntp peer-status
kind-huawei-ntp-service-status = 华为 VRP display ntp-service status
kind-huawei-ntp-service-sessions = 华为 VRP display ntp-service sessions
kind-h3c-ntp-service-status = 新华三 Comware display ntp-service status
kind-h3c-ntp-service-sessions = 新华三 Comware display ntp-service sessions（或 ipv6 sessions）
kind-junos-show-ntp-status = Junos show ntp status
kind-junos-show-ntp-associations = Junos show ntp associations
kind-arista-show-ntp-status = Arista EOS show ntp status
kind-arista-show-ntp-associations = Arista EOS show ntp associations
kind-show-ntp-server = show ntp server（交换机的服务器表）

# 各工具含义不同的列。
meaning-nxos-show-ntp-peer-status-tally = NX-OS 的标记（思科 NX-OS 命令参考）：* 被选作同步源，+ 对等模式（主动），- 对等模式（被动），= 以客户端模式轮询；空白表示未被选中。
meaning-cisco-show-ntp-associations-tally = IOS 的标记（思科 IOS-XE 命令参考）：* sys.peer（时钟跟随它），# 已选中（备用，不参与合并），+ 候选，- 离群（outlyer），x 错误时钟（falseticker）；~ 只表示该关联是配置出来的。较老的 IOS 在表下印另一种图例：* master (synced)，# master (unsynced)，+ selected，- candidate。
meaning-cisco-show-ntp-associations-detail-tally = IOS 的标记：* sys.peer，# 已选中，+ 候选，- 离群，x 错误时钟；~ 已配置。
meaning-chronyc-authdata-key-id = 使用对称密钥（SK）时，是密钥文件中的密钥 ID。使用 NTS 时，是与该源成功完成密钥交换的次数，从 0 开始：chronyd 每重新进行一次 NTS-KE 就加一。
meaning-chronyc-selectdata-leap = 该源的闰秒状态：N 正常，+ 本月末将插入一个闰秒，- 将删除一个闰秒，? 未知（尚无有效测量）。

why-select-noselect = 配置了 noselect 选项：从不用于同步
why-select-noselect-auth = noselect 是 chronyd 加上的，不是配置文件中设置的（COpts 中没有 N，EOpts 中有 N）：“authselectmode require”会给每个未认证的 NTP 时间源加上 noselect，“prefer”在有时间源经过认证时也会这样做（chrony.conf(5) authselectmode）；请给它加上“key”或“nts”，或更改 authselectmode
why-select-few-measurements = 测量次数还不够，暂不能被选择
why-select-no-measurement = 完全没有测量（闰秒状态为 ?：没有有效的测量；chronyd 把这样的源标为 M，即“测量次数不够”，或标为 s，即该源报告的时间无效，同一个 chronyd 在不同时刻可能显示其中任何一个）：{ $refclock ->
        [yes] 这个参考时钟的驱动还没有给出任何样本：没有东西在喂它（SHM 或 SOCK 参考时钟的写入方，即 gpsd 或向套接字写数据的程序，没有运行；GPS 没有定位；PPS 设备没有脉冲，或 PPS 参考时钟“lock”的时钟没有样本）
       *[no] 它从未应答（“chronyc sources”中 reach 为 0），或者它的应答都没有通过 chronyd 的检验（密钥不对、服务器自身未同步），等待不会改善；“chronyc ntpdata”可以看出是哪一种（Total RX 为 0：没有收到任何应答）
    }
why-select-no-answer-yet = 还没有应答（闰秒状态为 ?：没有有效的测量；chronyd 把这样的源标为 M，即“测量次数不够”，或标为 s，即该源报告的时间无效）：chronyd 启动以来向它发送的请求还不到八个，请再等几次轮询；如果发送八次之后“chronyc sources”中的 reach 仍为 0，说明它不应答（地址不对、UDP 123 端口被封锁，或那里没有 NTP 服务器）
why-select-unsynchronised = 该源自身未同步（层级 16，或闰秒状态为“未同步”）
why-select-stratum-range = 其层级超出允许范围（minstratum、maxstratum）
why-select-distance = 其根距离大于 maxdistance 的允许值
why-select-jitter = 其抖动大于 maxjitter 的允许值
why-select-waits-others = 在等待其他源积累足够的测量
why-select-stale = 只有比可达源更旧的测量，或已连续多次轮询不可达（maxunreach）
why-select-orphan = 其层级不低于“local … orphan”设定的孤儿层级
why-select-untrusted = 与带 trust 选项的源不完全一致
why-select-falseticker = 与其他源不一致（错误时钟，falseticker）
why-select-waits-minsources = 可选，但在等待其他源变为可选（minsources，或另一源的 require 选项）
why-select-other-preferred = 可选，但另一个可选源带有 prefer 选项
why-select-last-old = 它最近一次测量比另一个可选时间源的旧得多：它可能已停止应答
why-select-waits-measurement = 可选，在换了最佳源之后等待新的测量
why-select-not-combined = 可选，但其根距离（或最近的根距离）太大，不参与合并（combinelimit）
why-select-outlier = 可选，但在时间源聚类时被视为离群值而未采用
why-select-combined = 与最佳源合并使用
why-select-best = 最佳源：由它更新参考数据
why-stratum-high = 层级 { $stratum } 是服务器能提供的最后一级：它的客户端将在 16 级变为未同步；同步环路会一路攀升到这里
why-leap-insert = 当天结束时（UTC 23:59:60）将插入一个闰秒
why-leap-delete = 当天结束时将删除一个闰秒
why-leap-expired = 闰秒列表已过期：chronyd 无法得知以后的闰秒
why-leap-expiring = 闰秒文件将在 { $days } 天后过期：IERS 每六个月发布一次新列表，及时更新的文件剩余时间更长
why-release-unsupported = 早于 chrony 4.0，而 Stratum 只了解 4.0 及以后版本的输出和配置
why-clock-slow = 比 NTP 时间落后 { $value }（慢）
why-clock-fast = 比 NTP 时间超前 { $value }（快）
why-server-dropping = 丢弃了 { $drops } 个请求，占收到请求的 { $percent } %：速率限制（ratelimit）或客户端记录已满（clientloglimit）
why-dispersion-large = { $value }，达到 1 秒或以上：时间不可靠
why-root-distance-over-max = { $value }，超过 systemd-timesyncd 的上限 { $max }：它不使用这台服务器
why-max-error-large = { $value }：时钟可能与真实时间相差这么多（ntpstat 的最大误差：根延迟的一半 + 根离散度，以及 chronyd 的偏移）
why-max-error-exceeded = { $value }，超过了 ntpstat -m 给出的上限 { $max }：ntpstat 以状态 1 退出
why-frequency-normal = { $ppm } ppm：在普通时钟的 ±100 ppm 以内
why-frequency-high = { $ppm } ppm：超出普通时钟所处的 ±100 ppm
why-residual-freq-settling = { $ppm } ppm，误差界 ±{ $skew } ppm，来自 { $samples } 个样本：这是该时间源的估计值尚未稳定，不是本机时钟的频率误差
why-residual-freq-apart = { $ppm } ppm，而其他时间源约为 { $others } ppm：这台服务器的时钟以另一速率运行
why-frequency-limit = { $ppm } ppm：远超正常时钟的 ±100 ppm，已达到或接近系统驱动能设置的上限（chrony.conf(5) maxdrift：Linux 为 100000 ppm，FreeBSD、NetBSD 和 macOS 为 500 ppm）
why-samples-none = 没有样本：该源没有应答（或其样本被丢弃）
why-rtc-local = 硬件时钟使用本地时间：每次夏令时切换后以及同一台机器上的多个系统之间都会出错
why-nts-ke-attempts = 自上次成功以来已尝试密钥交换 { $count } 次：NTS-KE 失败
why-nts-nak = 服务器回复了 NTS NAK：cookie 已失效，chronyd 需要重新进行 NTS-KE
why-nts-few-cookies = 只有 { $count } 个 NTS cookie：请求或应答在丢失
why-nts-no-cookies = 没有 NTS cookie：密钥交换从未成功，无法发送经过认证的请求
why-key-missing = chronyd 的密钥文件中没有密钥 { $key }（密钥长度为 0）：chronyd 无法认证这个时间源，也不向它发送请求
why-rx-none = 发出 { $tx } 个包，一个都没有收到回复
why-rx-lossy = { $tx } 个请求只收到 { $rx } 个应答：服务器丢弃或限速，或路径上丢包
why-rx-invalid = { $rx } 个包中只有 { $valid } 个通过了前面的测试：认证（或其他检查）失败
why-rx-invalid-unkeyed = { $rx } 个包中只有 { $valid } 个通过了前面的测试（重复包、源时间戳或包头检查）；没有使用密钥，所以不是认证问题：多为任一侧重启时交错的包，或旧包的副本
why-rx-startup = 已收到 { $rx } 个包，还没有一个有效：对等体在收到我方的包之前，它发出的包没有源时间戳（ntp_core.c，测试 3），而 chronyd 只有在有包通过测试后才在这里显示包的内容；这是刚启动的一对对等体，请等几个轮询周期后再运行 ntpdata
why-tests-passed = 所有测试都通过
why-tests-auth-failed = 认证测试失败：密钥或 NTS 不匹配
why-tests-server-follows-us = 作为 server 轮询的时间源只有同步环路测试未通过：它跟随本服务器（其参考就是本机），chronyd 会丢弃它的每个样本，永远无法使用它
why-tests-sync-loop = 只有同步环路测试未通过：该源在跟随本服务器（其参考源就是本机），所以 chronyd 丢弃它的样本，双方不会互相跟随。这是对等体一对中上游一侧的正常状态
why-tests-unsynchronised = 服务器未同步（其闰秒状态或层级表明如此）
why-tests-failed = 未通过：{ $tests }；chronyd 丢弃这些包
why-offset-small = { $value }：小于 1 ms
why-offset-medium = { $value }：在 1 ms到 100 ms之间，经互联网可以接受，对局域网偏大
why-offset-large = { $value }：达到 100 ms或以上，时钟偏移过大
why-offset-source-large = { $value }：本机时钟与该源相差 100 ms或以上：两者之一有偏差（若其他时间源与本机一致，则是该源）
why-offset-falseticker = { $value }：这是该源与多数时间源的不一致（它是错误源），不是本机时钟的误差
why-offset-unused = { $value }：该源与时钟所跟随的源相差这么多；本机时钟的偏差是所跟随源的，而不是这一个的
why-offset-numbers-pps = { $value }：ntpd 跟随 PPS 对等体（标记 o）；该参考时钟只为秒脉冲编号，几毫秒的偏移是其时间码的串口延迟（ntpd 的 NMEA 驱动用 fudge time2 校准）
why-offset-within-delay = { $value }：在往返延迟加抖动（{ $bound }）以内。路径不对称最多会使 NTP 测得的偏移偏差延迟的一半，延迟变化时更多，抖动是各次测量的离散程度，所以对这条路径属于正常
why-offset-within-root-distance = { $value }：在根距离（rootdelay/2 + rootdisp = { $bound }）以内，这是本机时钟相对一级参考源误差的界限，对这条路径属于正常；ntpd 会慢慢调整（slew）它

finding-clock-behind = 系统时钟比 NTP 时间落后 { $value }（chronyc 显示为“slow”，即慢）。chronyd 通过微调缩小差距，默认每秒最多 83 ms（maxslewrate）：{ $step ->
    [yes] 这个差距至少需要 { $slew }，所以用“makestep 1 3”允许跳变（它跳变超过 1 秒的偏差），或运行“chronyc makestep”。
   *[no] 这个差距大约 { $slew } 就能消除，不需要跳变（“makestep 1 3”只跳变超过 1 秒的偏差）。
}如果时钟一直落后，说明没有被修正：请检查时间源和参考。
finding-clock-ahead = 系统时钟比 NTP 时间超前 { $value }（chronyc 显示为“fast”，即快）。chronyd 通过微调缩小差距，默认每秒最多 83 ms（maxslewrate）：{ $step ->
    [yes] 这个差距至少需要 { $slew }，所以用“makestep 1 3”允许跳变（它跳变超过 1 秒的偏差），或运行“chronyc makestep”。
   *[no] 这个差距大约 { $slew } 就能消除，不需要跳变（“makestep 1 3”只跳变超过 1 秒的偏差）。
}如果时钟一直超前，说明没有被修正：请检查时间源和参考。
finding-source-offset-large = { $sources } 的偏移较大（{ $value }）。偏移这么大的源要么本身有误，要么到它的路径不对称；有三个或更多源时 chrony 可以把它投票排除。
finding-server-dropping = 服务器丢弃了 { $drops } 个 NTP 请求（{ $percent } %）：客户端的轮询快于“ratelimit”的允许值，或客户端记录（clientloglimit）已满。用“chronyc clients”找出这些客户端并降低其轮询频率，或放宽 ratelimit 的 interval 和 burst。
finding-rate-limited-by-server = 发往 { $sources } 的请求很多没有回复（{ $tx } 个请求只有 { $rx } 个应答）：服务器可能已停止应答（已停机或不再可达：此时“chronyc sources”中它的可达性会降到 0），或在对本客户端限速（{ $fast ->
        [yes] 它每 { $poll } 秒轮询一次，快于服务器的 chrony.conf 中有“ratelimit”行且 interval 为默认值 3 时允许的平均每 8 秒一个请求（chronyd 只有配置了该指令才限速，见 chrony.conf(5)）；设置了“ratelimit … kod”的服务器会对部分请求回复 KoD RATE，其余丢弃：把本客户端的 minpoll 提高到 3 或以上，去掉“burst”，或放宽服务器的 ratelimit
       *[no] 轮询太频繁：提高 minpoll，去掉“burst”
    }），或路径上丢包。
finding-packet-loss = { $sources }：部分轮询没有应答（可达寄存器中有空缺）：数据包在途中丢失、服务器过载，或服务器对本客户端限速（chrony 的“ratelimit”、ntpd 的“limited”：轮询频繁或使用“burst”的客户端有些请求得不到应答；请调大 minpoll）。“chronyc ntpdata”会统计请求数和应答数。
finding-packet-loss-ntpd = { $sources }：部分轮询没有应答（可达寄存器中有空缺）：数据包在途中丢失、服务器过载，或服务器对本客户端限速（chrony 的“ratelimit”、ntpd 的“limited”：轮询频繁或使用“burst”的客户端有些请求得不到应答；请调大本 ntpd 的 server 行中的 minpoll）。“ntpq -c as”会显示每个关联的最近事件。
finding-packet-loss-switch = { $sources }：部分轮询没有应答（可达寄存器中有空缺）：数据包在途中丢失、服务器过载，或服务器对本设备限速（chrony 的“ratelimit”、ntpd 的“limited”：轮询频繁的客户端有些请求得不到应答；请让设备降低轮询频率，设备支持时用其 NTP 服务器配置行的 minpoll/maxpoll）。请检查设备到该服务器的路径（ACL、UDP 123 上的防火墙）。
finding-source-stopped = { $sources } 已停止应答：它应答过之前的轮询，但最近几次都没有应答（可达寄存器末尾是 0，距最后一次应答的时间在增长）。{ $fast_poll ->
        [yes] 它每 { $poll } 秒轮询一次，远快于服务器的 chrony.conf 中有“ratelimit”行且 interval、burst 为默认值 3、8 时放行的平均每 8 秒一个请求（chronyd 只有配置了该指令才限速，见 chrony.conf(5)）：这样的服务器会成串丢弃这样的请求，所以限速与服务器停止同样可能。“chronyc ntpdata”可对比请求数与应答数（Total TX、Total RX）；请把 minpoll 提高到 3 或以上，或检查该服务器是否仍在运行、其应答能否到达本机。
       *[no] 请检查该服务器是否仍在运行，其应答能否到达本机（UDP 123）。丢包或限速会在应答之间留下空缺，而不是末尾连续的未应答。
    }{ $followed ->
        [yes] { $selected } 是被选中的源（*）：时钟仍跟随它，靠它最后的测量值维持，直到 chronyd 把它移出选择{ $others ->
            [0] ；没有其他源，届时时钟将失去同步。
           *[other] ，之后转向其他源。
        }
        [device] { $selected } 是被选中的源：时钟仍跟随它，靠它最后的测量值维持，直到该设备的 NTP 服务把它移出选择{ $others ->
            [0] ；没有其他源，届时时钟将失去同步。
           *[other] ，之后转向其他源。
        }
       *[no] {""}
    }
finding-source-stale = { $sources } 已停止应答，或 chronyd 已不再轮询它：它最后的样本已很旧，或者它以前应答过，但最近 8 次轮询都没有应答（可达性为 0）。被设为离线的源（“chronyc offline”，或其配置行的“offline”选项）保留最后的样本且不再被轮询：“chronyc activity”会统计离线的源，“chronyc online”会恢复轮询。否则请检查该服务器是否在运行，其应答能否到达本机（UDP 123）。{ $followed ->
        [yes] { $selected } 是被选中的源（*）：时钟仍跟随它，靠它最后的测量值维持，直到 chronyd 把它移出选择{ $others ->
            [0] ；没有其他源，届时时钟将失去同步。
           *[other] ，之后转向其他源。
        }
        [device] { $selected } 是被选中的源：时钟仍跟随它，靠它最后的测量值维持，直到该设备的 NTP 服务把它移出选择{ $others ->
            [0] ；没有其他源，届时时钟将失去同步。
           *[other] ，之后转向其他源。
        }
       *[no] {""}
    }
explain-unnamed-source = chronyc 显示为 [UNSPEC] 的时间源（首次应答前没有地址）
explain-unnamed-source-inline = chronyc 显示为 [UNSPEC] 的时间源（首次应答前没有地址）
explain-unnamed-server = 服务器（输出中没有列出它的名称或地址）
explain-unnamed-server-inline = 服务器（输出中没有列出它的名称或地址）
finding-source-offset-large-chronyc-tracking = 本机时钟在上次更新时偏差 { $value }（Last offset，chronyc(1)：“上次时钟更新时估计的本地偏移”）：这是本机时钟自身的偏移，不是某个时间源的。{ $steady ->
        [yes] 它的长期平均值 RMS offset 也是 { $rms }：每次更新时时钟都偏差这么多，说明它没有被修正。chronyd 测得了误差却无法修正；其日志（journalctl -u chronyd，Debian 上为 -u chrony）会说明原因：无法步进系统时钟（chronyd 无权设置时钟：以 -x 启动，或在容器中缺少 CAP_SYS_TIME），或修正量超过 maxchange 允许的最大值。
       *[other] 它的长期平均值 RMS offset 只有 { $rms }：这个偏移是新出现的，时钟刚被修正或正在修正（跳变或微调）。几次更新后再看；如果一直如此，说明时钟没有被修正，chronyd 的日志（journalctl -u chronyd，Debian 上为 -u chrony）会说明原因。
    }
finding-never-answered = { $sources } 从未应答：没有任何包回来。请检查地址（以及域名能否解析）、{ $other_port ->
        [yes] 服务器是否在 UDP { $port } 上监听（本报告显示的 Remote port，由其 server 行的“port”选项设定；NTP 服务器默认监听 123），该端口是否双向放通，
        [unknown] 服务器的 NTP 端口是否双向放通（UDP 123，或其 server 行“port”选项设定的端口：本报告显示的 Remote port 是 chronyc 4.0 在收到第一个应答之前的占位值（0）），
       *[no] UDP 123 是否双向放通，
    }以及服务器是否允许本客户端（chrony 上要有“allow”且没有针对本客户端的“deny”：更具体的规则优先，允许其子网的“allow”抵消不了拒绝其地址的“deny”；ntpd 上是“restrict”）。使用密钥（“key N”）时，如果 chrony 服务器在该 ID 下的密钥不同或没有该密钥，它会直接丢弃请求而不作任何应答：请比对两端的密钥文件。
finding-answers-rejected = { $sources } 有应答，但 chronyd 一个也没有接受：这些应答没有通过它的测试。可能的原因：server 行的延迟上限 maxdelay、maxdelayratio 或 maxdelaydevratio（maxdelayquant）比往返时间还紧（chrony.conf(5)：延迟更大的测量会被忽略）；跟随本服务器的对等体，按设计通不过 chrony 的环路测试（对等体一对中上游一侧总是丢弃对方的样本）；该源自身未同步；或认证失败。“chronyc ntpdata”会显示哪些测试失败（NTP tests）；若是延迟测试，请放宽其中被点名的一项，或查明往返时间为何如此之长。
why-answers-unusable = 有应答，但没有一个被接受：它们没有通过 chronyd 的测试
finding-source-jittery = { $sources } 波动太大，无法使用（状态 ~，抖动超过 maxjitter）：到它的路径拥塞或不对称。请使用更近的服务器；如果抖动在预期之内，可以提高 maxjitter。
finding-source-unstable = { $sources } 最后的偏移大于其估计误差：该源或到它的路径不稳定。
finding-frequency-high = 时钟频率误差为 { $ppm } ppm，超出普通时钟所处的 ±100 ppm：振荡器故障、虚拟机的时钟，或者还有其他程序在调整时钟（ntpd、timesyncd、adjtimex）。请确保只有 chronyd 在校准时钟。
finding-frequency-limit = 时钟频率误差为 { $ppm } ppm，远超正常时钟的 ±100 ppm，已达到或接近系统驱动能设置的上限（chrony.conf(5) maxdrift：Linux 为 100000 ppm，FreeBSD、NetBSD 和 macOS 为 500 ppm；设置了 maxdrift 时还会进一步限制）。手动输入时间（“manual”加上相隔仅几秒的“chronyc settime”样本，参考 ID 为 7F7F0101）会造成这样的频率；其他程序在校准时钟、硬件时钟源损坏，或虚拟机没有稳定的时钟也会。若用了手动样本：执行“chronyc manual reset”，再相隔几分钟给出样本；否则请停止其他时间服务，并检查时钟源（/sys/devices/system/clocksource）。
why-skew-no-estimate = chronyd 的初始值：还没有使用过任何频率估计
finding-skew-no-estimate = chronyd 还没有使用任何频率估计（skew 1000000 ppm 是它启动时的值）。刚启动时样本太少：请再等几次轮询。如果一直如此，说明每个估计都被判为不可靠而不用：“maxupdateskew”设得比时间源能达到的偏差还小（chrony.conf(5) maxupdateskew：默认 1000 ppm，有线网络 10 或更小；“stratum config lint”会提示任何估计都达不到的值），或者没有时间源提供样本。在此期间根离散度会不断增长。
why-nts-ke-no-requests = 接受了 { $ke } 个 NTS-KE 连接，却没有收到经过认证的 NTP 请求：客户端的密钥交换在它们那一侧失败了
finding-nts-clients-silent = 客户端与本服务器完成了 NTS 密钥交换（接受的 NTS-KE 连接：{ $ke }），却没有发送经过认证的 NTP 请求：得到密钥的客户端会立即发送 NTS 请求，所以每个客户端的密钥交换都在它那一侧失败了。最常见的原因是它拒绝本服务器的证书：证书已过期（“stratum nts status”）、不受客户端信任（ntstrustedcerts），或不包含客户端使用的主机名。在客户端上运行“chronyc authdata”可看到它的 NTS-KE 尝试。
why-nts-ke-no-ntp = 接受了 { $ke } 个 NTS-KE 连接，却没有收到这个客户端的 NTP 包：它的密钥交换在它那一侧失败了，或者它被指向了另一台 NTP 服务器
finding-nts-ke-clients-silent = { $sources } 与本服务器完成了 NTS 密钥交换（NTS-KE 列），却没有向它发送 NTP 包（NTP 列为 0）：得到密钥的客户端会立即发送 NTS 请求。所以它的密钥交换在它那一侧失败了（最常见的原因是它拒绝本服务器的证书：证书已过期（“stratum nts status”）、不受客户端信任（ntstrustedcerts），或不包含客户端使用的主机名），或者“ntsntpserver”把它指向了另一台 NTP 服务器。在客户端上运行“chronyc authdata”可看到它的 NTS-KE 尝试。
finding-serves-nobody = 还没有任何客户端向本服务器请求时间（NTP packets received：0）：它没有为任何人提供服务。作为服务器时，请先检查是否有“allow”行包含客户端的子网，且没有“deny”行覆盖它们（chrony.conf(5) allow：默认不允许任何客户端访问；未被允许的客户端的请求在计数之前就被丢弃；deny：更具体的规则优先，允许子网的“allow”抵消不了拒绝某个客户端的“deny”），再检查客户端的 chrony.conf 是否写了本服务器的地址，以及 UDP 123 能否到达。对只作客户端的主机（“port 0”：chrony.conf(5)“严格以仅客户端模式运行”）这是正常的。
finding-skew-high = 频率估计仍不确定（skew 超过 100 ppm）：chronyd 的样本还少，或时间源噪声大。请再等几次轮询。
finding-skew-high-chronyc-sourcestats = { $sources } 的频率估计仍不确定（Freq Skew 超过 100 ppm）：chronyd 对它的样本还少，或到它的路径噪声大。请再等几次轮询。
finding-source-frequency-settling = { $sources } 的残余频率是该时间源的估计值尚未稳定（其误差界 Freq Skew 与数值本身一样宽），不是本机时钟的频率误差：chronyc(1) sourcestats 给出的是每台服务器的“估计残余频率”及其误差界；本机时钟自身的频率见 tracking。请再等几次轮询，样本增多后估计会收窄；若它一直与其他时间源相差很远，说明那台服务器的时钟以另一速率运行。
finding-source-frequency-apart = { $sources } 与其他时间源的运行速率不同：它的残余频率为 { $ppm } ppm，而其他时间源约为 { $others } ppm，且误差界很窄。是那台服务器的时钟未被校准（或跟随了错误的参考），而不是本机：当它的偏移与其他时间源拉开后，chronyd 会把它排除。请检查那台服务器（它自己的 chronyc tracking）。
finding-dispersion-high = 根离散度为 { $value }：时间可能与真实时间相差这么多。参考源很远，或很久没有收到它的消息。
finding-dispersion-high-systemd = 根距离为 { $value }：时间可能与真实时间相差这么多。服务器离它的参考源很远，或它自己的时间不可靠。
finding-root-distance-over-max = { $sources } 的根距离为 { $value }，超过 systemd-timesyncd 的上限 { $max }（timesyncd.conf 中的 RootDistanceMaxSec=）：timesyncd 不会按这台服务器同步时钟，而会改用其他服务器。该服务器离它的参考源很远，或它自己的时间不可靠：请改用更近、更好的服务器（/etc/systemd/timesyncd.conf 中的 NTP=），如果它已是最好的选择，可调大 RootDistanceMaxSec=。
finding-max-error-large = { $device ->
    [eos] 交换机的 NTP 状态显示时间误差在 { $value } 以内：时钟可能与真实时间相差这么多。该上限是根延迟的一半加根离散度：“show ntp associations”显示每个服务器的延迟、偏差和离散度（服务器距离远或长时间没有应答都会使它变大）。如果时钟本身偏差很大，请用“clock set”把它设到接近的时间，再由 NTP 微调。
   *[other] ntpstat 表示时间只准确到 { $value } 以内：时钟可能与真实时间相差这么多。ntpstat 把根延迟的一半、根离散度以及（chronyd 时）它的偏移（System time）加在一起：“chronyc tracking”可以看出哪一项大——chronyd 仍在慢慢校正的偏移（用“makestep 1 3”允许步进），或很远、很久没有收到消息的参考源。
}
finding-max-error-exceeded = 最大误差（{ $value }）超过了 ntpstat -m 给出的上限（{ $max }）：ntpstat 以状态 1 退出，检查它的脚本或监控会认为时钟不够准确。如果这个上限比实验环境需要的更严格，请放宽 -m；否则请用“chronyc tracking”查看是什么让误差变大。
finding-leap-pending = 已公布当天结束时的闰秒：chronyd 会按“leapsecmode”处理（默认让系统时钟跳变；用 leapsecmode 的“slew”或配合 smoothtime 的“smear”可以避免跳变）。请确认实验环境中所有服务器的判断一致。
finding-leap-pending-ntpd = 已公布当天结束时的闰秒（leap 01：插入一秒；10：删除一秒；在 UTC 午夜）。ntpd 把它交给内核处理（时钟会重复或跳过一秒）。请确认 ntpd 的闰秒文件（ntp.conf 中的“leapfile”行）未过期，并且实验环境中所有服务器公布的一致。
finding-leap-pending-switch = 已公布当天结束时的闰秒（闰秒标识 01：插入一秒；10：删除一秒；在 UTC 午夜）。设备会在 UTC 午夜自行处理；请确认设备跟随的所有 NTP 服务器公布的一致。
finding-leap-pending-systemd = 已公布当天结束时的闰秒（在 UTC 午夜插入或删除一秒）。systemd-timesyncd 把服务器的公告交给内核处理（时钟会重复或跳过一秒）。请确认实验环境中所有服务器公布的一致。
finding-leap-file-expired = 闰秒列表已过期：chronyd 无法得知之后公布的闰秒。请更新发行版的 tzdata（leap-seconds.list）。
finding-leap-file-expiring = 闰秒列表将在 30 天内过期：之后守护进程无法得知再公布的闰秒。请在此之前更新发行版的 tzdata（leap-seconds.list）。
finding-release-unsupported = 此 chrony 早于 4.0（Stratum 了解的最早版本）：其输出和 chrony.conf 会按 4.0 的规则读取，可能被误判。请升级 chrony（Debian 11、Ubuntu 22.04、RHEL 9 及以后的版本自带 4.0 或更新的版本）。
why-nts-ke-connect-failed = 本段粘贴中 chronyd 的日志：它无法连接服务器的 NTS-KE 端口（TCP { $port }：{ $error }），因此没有 NTS 密钥，也不发送请求
finding-nts-ke-refused = chronyd 无法连接 { $sources } 的 NTS-KE 端口（TCP { $port }：{ $error }；本段粘贴中它的日志如是说）：密钥交换不成功就没有 cookie，也不发送 NTP 请求，所以 reach 一直为 0。该服务器没有在此端口监听（chronyd 未运行、未配置 ntsserverkey 和 ntsservercert，或 ntsport 与 server 行的不同），或防火墙拒绝了到该端口的 TCP；原因不在 UDP 123。
finding-nts-ke-failing-by-tls-log = 与 { $sources } 的 NTS 密钥交换一直失败，本段粘贴中 chronyd 的日志说明了原因：TLS 握手失败（“{ $error }”）。{ $tls ->
    [untrusted] 本客户端不信任该证书的签发者：在 chrony.conf 中用“ntstrustedcerts 文件”给它服务器的 CA 证书（私有 CA 不在系统信任库中），或改用它信任的 CA 签发的证书。
    [expired] 服务器证书已过期或尚未生效：请更新证书（“stratum nts status”显示其日期）；如果本机时钟偏差很大，先校正时钟（“nocerttimecheck 1”）。
    [name] 服务器证书没有列出本客户端使用的主机名：在 server 行使用证书列出的名称（或地址），或为该名称签发证书。
   *[other] 检查服务器证书（本客户端通过 ntstrustedcerts 信任它、列出你使用的主机名、没有过期）。
}
finding-nts-ke-failing = 与 { $sources } 的 NTS 密钥交换一直失败：没有 cookie，也就没有经过认证的时间。原因：服务器的 NTS-KE 端口（TCP 4460）被阻断或未开放、其证书不受信任（ntstrustedcerts）或不包含你使用的主机名、证书已过期，或者本机时钟偏移太大无法验证证书（用“nocerttimecheck 1”启动，或先校准时钟）。
finding-nts-nak = { $sources } 回复了 NTS NAK：服务器不再接受 chronyd 的 cookie（它的密钥变了，例如未配置 ntsdumpdir 就重启了）。chronyd 会自行重新进行 NTS-KE；频繁出现 NAK 说明服务器会丢失其密钥。
finding-nts-few-cookies = { $sources } 只有 { $count } 个 NTS cookie（一切正常时为 8 个）：请求或应答在丢失。
finding-auth-failing = 来自 { $sources } 的包认证失败：对称密钥不一致（两端 chrony.keys 中的 ID 和密钥必须相同）、对方不支持该密钥类型，或 NTS 不匹配。chronyd 会忽略所有未通过认证的应答。
finding-peer-starting = { $sources } 发来了包，但还没有一个通过 chronyd 的前几项测试（Total valid RX 为 0），所以 ntpdata 显示的不是任何包的内容：其模式和 NTP 测试结果只是初始值，并非检查失败（除非其配置行带有密钥或 NTS，否则并不涉及报文签名）。对等体在收到我方的包之前，它发出的包没有源时间戳（chrony 的 ntp_core.c，测试 3），重启时交错的包也通不过源时间戳检查：这是一对刚启动的对等体。请等几个轮询周期后再运行“chronyc ntpdata”，Total valid RX 应随之增长。
finding-key-missing = { $sources } 使用密钥 { $key }（server 行中的“key { $key }”），但 chronyd 的密钥文件中没有密钥 { $key }（“chronyc authdata”：KeyID 为 { $key }，Type 为 0，KLen 为 0；chronyd 日志记录“Key { $key } is missing”）。chronyd 不向该时间源发送请求，也永远无法认证它。请把密钥 { $key } 加入“keyfile”指令指定的文件（chrony.conf(5) 的 keyfile），类型和密钥与服务器的相同，然后运行“chronyc rekey”（或重启 chronyd）。
finding-auth-failing-ntpd = 来自 { $sources } 的包认证失败（auth bad）：对称密钥不一致。两端 ntpd 的密钥文件（ntp.conf 中“keys”行指定，通常是 /etc/ntp.keys）中必须有相同的密钥 ID、类型和密钥，该 ID 要列在“trustedkey”中，server 行也要用“key N”指定它。ntpd 不使用认证失败的源。
finding-sync-loop = 同步环路：{ $sources } 跟随本服务器，而本服务器又把它当作上游轮询，双方都无法从对方获得真实时间（chronyd 的环路测试会丢弃这类样本；没有该测试的守护进程会让双方层级攀升到 16）。请给本服务器一个真正的上游；若是两台互为备份的服务器，请在两边都使用 peer 行和“local stratum N orphan”。
finding-few-samples = { $sources } 没有样本：它没有应答，或其样本全部被拒绝。
finding-not-selectable = { $count ->
        [1] { $sources } 目前不能被选择：{ $why }。
       *[other] { $sources } 目前都不能被选择，原因相同：{ $why }。
    }
finding-unused-source-far = { $count ->
        [1] { $sources } 与时钟所跟随的源相差 { $value }：该服务器有误，或到它的路径不对称。本机时钟的偏差是所跟随源的偏差，而不是它的；若它一直相差这么远，请更换或删除该服务器。
       *[other] { $sources } 与时钟所跟随的源相差很远（第一个为 { $value }）：这些服务器有误，或到它们的路径不对称。本机时钟的偏差是所跟随源的偏差，而不是它们的；若它们一直相差这么远，请更换或删除这些服务器。
    }
finding-outlier = { $sources } 是离群者：可达但未被使用，它的时间与更好的源不一致。
finding-rtc-local-time = 硬件时钟（RTC）使用本地时间：每次夏令时切换后它都会相差一小时，直到被修正。请让它使用 UTC：timedatectl set-local-rtc 0。
finding-stratum-high = 层级为 { $value }，已是服务器能提供的最后一级：它的客户端将无法同步。同步环路会攀升到这里，过长的服务器链也会。
finding-kiss-code = { $count ->
        [0] 服务器以
       *[other] { $sources } 以
    }拒绝访问的 kiss 代码而不是时间应答（此处为 { $code }；RFC 5905，7.4：DENY“远端服务器拒绝访问”，RSTR“因本地策略拒绝访问”）：它拒绝本客户端。降低轮询频率没有用：请在服务器的访问规则中放行本客户端（ntpd 的 restrict、chrony 的 allow、交换机的 ACL），或换用其他服务器。
finding-kiss-rate = { $count ->
        [0] 服务器以
       *[other] { $sources } 以
    } kiss 代码 RATE 而不是时间应答（RFC 5905，7.4：“超出速率”）：它对本客户端限速，因为本客户端轮询过于频繁。请降低对它的轮询频率（提高 minpoll，不用 burst），或请对方放宽限制：ntpd 服务器对其“restrict … limited kod”行限制的客户端发送 RATE（速率由“discard”设定），chronyd 服务器则由“ratelimit … kod”发送。
finding-kiss-auth = { $count ->
        [0] 服务器以
       *[other] { $sources } 以
    } kiss 代码 { $code } 而不是时间应答（RFC 5905，7.4：AUTH“服务器认证失败”，CRYP“密码认证或身份识别失败”）：认证失败。请核对双方的密钥：密钥 ID、类型和密钥内容要相同，且该 ID 已被信任。
finding-kiss-step = { $count ->
        [0] 某个关联显示
       *[other] { $sources } 显示
    } kiss 代码 STEP：时钟发生了跳变，此关联此后尚未重新同步（ntp 的 decode.html：“系统时间发生了跳变，但该关联尚未重新同步”）。这是 NTP 守护进程在跳变时钟时自己给每个关联设置的：是暂时状态，不是服务器拒绝。几次轮询后就会消失；如果可达性一直为 0，说明那台服务器不再应答：请检查它以及到它的路径。
finding-upstream-unsynchronised = { $sources } 有应答但自身未同步（层级 16 或闰秒状态为“未同步”）：无法跟随它。请先修好那台服务器（它自己的时间源，或隔离实验环境中的“local stratum N”；从 chrony 4.7 起，orphan 服务器启动后要按 waitunsynced 等待 300 秒才提供时间）。
finding-nxos-wrong-vrf = 没有对等体应答，且它们是通过 VRF“default”轮询的：在 NX-OS 上，经由 mgmt0 访问的服务器需要“ntp server 地址 use-vrf management”（以及“ntp source-interface mgmt0”）。

# 按 ntpd、交换机和 systemd 的用语给出的建议。
finding-not-synchronised-ntpd = ntpd 未同步（leap 11、层级 16 或 refid 为 .INIT.）。请检查服务器是否在 UDP 123 上应答，以及“restrict”是否放行其应答。隔离的实验服务器可用“tos orphan 10”提供自己的时钟（或使用本地时钟驱动：“server 127.127.1.0”和“fudge 127.127.1.0 stratum 10”）。
finding-not-synchronised-ntpstat = NTP 守护进程未同步（ntpstat：unsynchronised，闰秒状态 11）。ntpstat 询问正在运行的 chronyd（通过 chronyc）或 ntpd。若是 chronyd：“chronyc sources”显示服务器是否应答，“chronyc tracking”显示为何没有跟随任何时间源；隔离的实验服务器用“local stratum 10 orphan”提供自己的时钟。若是 ntpd：“ntpq -p”显示各服务器；请检查“restrict”是否放行它们的应答，隔离实验环境用“tos orphan 10”。
finding-frequency-high-systemd = 时钟的频率误差为 { $ppm } ppm，超过正常时钟的 ±100 ppm：晶振故障、虚拟机时钟，或者还有别的程序也在调整时钟（chronyd、ntpd、adjtimex）。请确保只有 systemd-timesyncd 在校准它（timedatectl show-timesync，并且没有其他时间守护进程在运行）。
finding-frequency-limit-systemd = 时钟的频率误差已达内核上限（{ $ppm } ppm；adjtimex 最多允许 500 ppm）：systemd-timesyncd 无法校正。可能有其他程序在校准时钟、硬件时钟源损坏，或虚拟机没有稳定的时钟。请停止其他时间服务，并检查 clocksource（/sys/devices/system/clocksource）。
finding-no-upstream-reachable-by-nts-ke = 没有服务器应答 ntpd（各处 reach 均为 0），且每个关联的 refid 都是 .NTS.：ntpd 尚未与这些服务器完成 NTS 密钥交换，因此还没有发出 NTP 请求。先查密钥交换：TCP 端口 4460（或服务器的 ntsport）能穿过防火墙；服务器的证书在本机受信任（其 CA 在系统证书库或 ntpd 的“ca”选项中）且当前有效，证书中的名称与 server 行上的地址或名称一致；服务器已配置 NTS（chronyd：ntsservercert 和 ntsserverkey；ntpd：“nts enable”及其证书和密钥）。然后再查途中的 UDP 123。
finding-no-upstream-reachable-ntpd = 没有服务器应答 ntpd（各处 reach 均为 0）：途中阻断了 UDP 123、{ $names ->
        [none] 地址错误，
       *[some] 域名无法解析，
    }或“restrict”规则丢弃了应答。“ntpq -c as”会显示每个关联的状态。
finding-serving-local-clock-ntpd = ntpd 跟随它自己的时钟（本地时钟驱动 127.127.1.x 或孤儿模式）：适用于隔离的实验环境，但会逐渐偏离真实时间。
finding-serving-local-clock-ntpstat = ntpstat 询问的时间守护进程跟随的是它自己的时钟，而不是某台服务器：ntpd 会显示“local net”（其本地时钟驱动或孤儿模式）；chronyd 会显示没有地址、也没有轮询间隔的“NTP server”（ntpstat 从“chronyc -n tracking”取参考源的地址，而 chronyd 自己的时钟——来自“local stratum”或“manual”的参考 ID 7F7F0101——没有地址）。隔离的实验环境可以这样，但没有任何东西把它与真实时间联系起来：“chronyc sources”（或“ntpq -p”）可以看到是否有上游应答。
finding-not-synchronised-switch = 设备未同步。请检查它能否从 NTP 源接口（及其所在 VRF）到达 NTP 服务器、ACL 和设备自身的 NTP 访问控制是否放行应答（{ $vendor ->
        [cisco] “ntp access-group”
        [huawei] “ntp-service access”
        [h3c] Comware 5 上的“ntp-service access”，Comware 7 上的“ntp-service … acl”
        [junos] lo0 上的防火墙过滤器
        [arista] 控制平面 ACL 和“ntp serve”
       *[other] 设备的 NTP 访问列表
    }）、认证密钥是否一致，以及服务器本身是否已同步（层级 16 的服务器会被拒绝）。
finding-no-upstream-reachable-switch = 没有 NTP 服务器应答设备（reach 为 0）：请先检查服务器是否允许这台设备（它的访问规则：chrony 服务器只应答其“allow”行覆盖的子网，默认不应答任何客户端），再检查从 NTP 源接口（及其所在 VRF）出发的路由、途中的 ACL，以及到服务器的 UDP 123 是否放通。
finding-not-synchronised-systemd = 系统时钟未同步。如果运行的是 chronyd（RHEL、Rocky、CentOS 和 Fedora 上的服务单元为 chronyd，Debian 和 Ubuntu 上为 chrony），“chronyc tracking”和“chronyc sources”会显示原因；systemd-timesyncd 则在“timedatectl timesync-status”中说明。

field-can-ntp = 是否安装了 timedatectl 可以启用的 NTP 服务。
field-root-distance = 到参考时钟的根距离（根延迟的一半加根离散度）：时间可能偏移的上限。
field-packet-count = systemd-timesyncd 从该服务器收到的包数。
field-dst-active = 当前时区是否处于夏令时。
label-can-ntp = 可用 NTP 服务
label-root-distance = 根距离
label-packet-count = 包数
label-dst-active = 夏令时
finding-refclock-lost = 参考时钟 { $sources } 没有提供样本（最近两次轮询均无样本，或 chronyd 将其标为不可用）：目前没有数据送到其驱动。若是 GPS：检查接收机是否已定位（天线、天空视野），以及 gpsd 是否在运行并向 chronyd 提供数据（SHM 或 SOCK）；若是 PPS：检查脉冲是否到达设备，以及是否有第二个时间源为其提供整秒。{ $followed ->
        [yes] { $others ->
            [0] chronyd 仍依据它最近的样本跟随它（“*”）；没有其他时间源，若它持续没有样本，时钟将失去同步。
           *[other] chronyd 仍依据它最近的样本跟随它（“*”）；若它持续没有样本，chronyd 将改用其他时间源。
        }
       *[no] { $others ->
            [0] 没有其他时间源：在它提供样本之前，时钟处于未同步状态。
           *[other] 在此期间 chronyd 依靠其他时间源守时。
        }
    }
finding-refclock-irregular = 参考时钟 { $sources } 提供样本不规律：参考时钟的 reach 寄存器记录的是其驱动有样本的轮询（chronyc(1)，sources），这里有空缺，但最后一个样本是最近的。这是其驱动的供给问题，与网络和服务器无关。常见原因：gpsd 或写入其 SHM 段、套接字的程序暂停或重启，接收机时而失去定位，或 PPS 没有锁定到给它编号秒的时钟（refclock 的“lock”选项），于是 chronyd 丢弃脉冲。请检查 gpsd 或写入程序的日志和接收机的定位；轮询间隔短于驱动的更新间隔也会留下空缺。
finding-refclock-lost-ntpd = 参考时钟 { $sources } 没有提供样本（可达性为 0）：目前没有数据送到其驱动，与网络、名称解析或上游无关。若是 GPS：检查接收机是否已定位（天线、天空视野），以及 gpsd 是否在运行并向 ntpd 提供数据（其 SHM 段），或驱动能否读取其串口设备；若是 PPS：检查脉冲是否到达设备。若它提供样本却未被使用，请对照其他时间源检查它的偏移设置（fudge time1），并确认 server 行没有“noselect”。

# ntpq -c as、ntpq -c rv 的闰秒文件、ntpstat 的输出。
kind-ntpq-associations = ntpq -c as（ntpd 的关联）
field-index = 该关联在此列表中的序号。
field-association-id = ntpd 给该关联的编号（ntpq -c "rv 编号" 显示其变量）。
field-configured = yes：配置的、持久的；no：临时的（来自 pool 或自行出现的对端）。
field-condition = 选择算法对该关联的结论：sys.peer（被跟随）、candidate、backup、outlier、falseticker、excess 或 reject。
field-last-event = 该关联最近的事件（reachable、unreachable、sys_peer、mobilize 等）。
field-event-count = 该类事件自上次变化以来的次数。
field-tai = 闰秒文件给出的 TAI − UTC 秒数（2017 年起为 37）。
field-leap-second = 闰秒文件中最近（或下一个）闰秒的时间。
field-leap-expire = ntpd 的闰秒文件的过期时间。
field-source = 时钟同步到的对象：NTP 服务器、参考时钟（原子钟、无线电），或 ntpd 自己的时钟（“local net”）。
field-event = ntpd 报告的事件，例如重新启动。
label-index = 序号
label-association-id = 关联编号
label-configured = 已配置
label-condition = 状态
label-last-event = 最近事件
label-event-count = 事件次数
label-tai = TAI − UTC
label-leap-second = 闰秒
label-leap-expire = 闰秒文件过期
label-source = 同步到
label-event = 事件
meaning-ntpq-associations-reach = yes：可达，no：不可达（ntpq(1)，associations）。
meaning-ntpq-associations-auth = ok 或 yes：已认证；bad：认证失败；none：未使用。
field-program = 打印版本的程序：chronyc（客户端）或 chronyd（守护进程）。
meaning-chrony-version-version = 该程序的 chrony 版本；不同版本的 chronyc 与 chronyd 可能无法互相理解。
field-features = 编译时包含的功能：+ 表示有，- 表示没有（READLINE 行编辑、SECHASH 密钥用的哈希函数、NTS、IPV6、CMDMON、REFCLOCK、RTC 等）。
meaning-ntpq-associations-status-word = 十六进制的对端状态字：状态、选择结果、事件计数和代码。
meaning-ntpstat-ntp-service = ntpstat 能否与时间守护进程通信（ntpd 经 ntpq 在 127.0.0.1 上查询，chronyd 经 chronyc 查询）。
finding-ntp-service-inactive-ntpd = 没有时间守护进程应答：ntpq（和 ntpstat）在 127.0.0.1 和 ::1 上询问 ntpd，ntpstat 还通过 chronyc 询问 chronyd。请启动它（systemctl enable --now ntpd，或 chronyd / chrony），并检查 ntpd 的“restrict”允许 127.0.0.1 查询。chronyd 从不应答 ntpq：运行 chrony 的机器请用 chronyc tracking 和 chronyc sources 查询。
finding-leap-file-expired-ntpd = ntpd 的闰秒文件已过期：它无法得知之后公布的闰秒。请更新其“leapfile”行指定的文件（tzdata 的 leap-seconds.list）并重启 ntpd。
finding-leap-file-expiring-ntpd = ntpd 的闰秒文件将在 30 天内过期（临近时 ntpd 会记录警告）；过期后 ntpd 无法得知再公布的闰秒。请在此之前更新其“leapfile”行指定的文件（tzdata 的 leap-seconds.list）并重启 ntpd。
finding-clock-behind-ntpd = 系统时钟比其服务器落后 { $value }（ntpd 的偏移为正：服务器超前）。ntpd 对 128 ms以内的偏差做微调，超过则跳变（除非以 -x 运行）；如果一直落后，说明没有被修正：请查看对端（ntpq -p）。
finding-clock-ahead-ntpd = 系统时钟比其服务器超前 { $value }（ntpd 的偏移为负）。ntpd 对 128 ms以内的偏差做微调，超过则跳变（除非以 -x 运行）；如果一直超前，说明没有被修正：请查看对端（ntpq -p）。
finding-clock-behind-switch = 设备的时钟比其 NTP 服务器落后 { $value }。设备跟随服务器后会自行修正；如果一直如此，请检查该服务器已被选中（show ntp associations / display ntp-service sessions）。
finding-clock-ahead-switch = 设备的时钟比其 NTP 服务器超前 { $value }。设备跟随服务器后会自行修正；如果一直如此，请检查该服务器已被选中（show ntp associations / display ntp-service sessions）。
finding-clock-behind-systemd = 系统时钟比 systemd-timesyncd 跟随的服务器落后 { $value }；timesyncd 对小的偏差做微调，大的则跳变。如果一直如此，请在下一次轮询后再看 timedatectl timesync-status。
finding-clock-ahead-systemd = 系统时钟比 systemd-timesyncd 跟随的服务器超前 { $value }；timesyncd 对小的偏差做微调，大的则跳变。如果一直如此，请在下一次轮询后再看 timedatectl timesync-status。

## chronyc 的状态行（client.c）：chronyd 拒绝了命令或没有应答。
kind-chronyc-error = chronyc 的回复：错误而非报告
field-reply = chronyc 代替报告打印的状态行：chronyd 的应答码（5xx）或 chronyc 自己的消息。
label-reply = 回复
why-chronyc-usage = chronyc 打印了用法说明，没有运行命令
finding-chronyc-unknown-option = chronyc 没有运行命令：{ $option ->
        [none] 它打印了用法说明，说明命令行不适合这个 chronyc。
       *[other] 这个 chronyc 不认识选项 { $option }，因此打印了用法说明。
    }选项随版本增加（-e，即每个应答后以一个点结束的行，从 chrony 4.4 起才有）：“chronyc -v”显示这是哪个版本；去掉该选项再运行命令，或使用具备该选项的版本的 chronyc。
why-reply-refused = chronyd 拒绝了该命令或没有应答：没有得到报告
finding-command-not-authorised = chronyd 拒绝了该请求（“{ $reply }”）：经网络（UDP 323 端口），即使来自本机，chronyd 也只回答这些监视报告：tracking、sources、sourcestats、activity、rtcdata、manual list、smoothing 和时间源名称（sources -N）。所有会改变状态的命令（online、offline、burst、add、delete 等）以及其他报告（ntpdata、selectdata、authdata、clients、serverstats）都需要它的 Unix 套接字。请在服务器本机以 root 或 chrony 用户运行 chronyc（sudo chronyc …），或让它使用套接字（chronyc -h /run/chrony/chronyd.sock）。
finding-command-no-host-access = chronyd 拒绝了该命令（“{ $reply }”）：没有“cmdallow”行覆盖运行 chronyc 的主机。请在服务器的 chrony.conf 中加入“cmdallow 地址”（并让“bindcmdaddress”监听可达的地址），或在服务器本机运行 chronyc。
finding-daemon-unreachable = { $hostform ->
        [bracketed] chronyc 无法与 chronyd 通信（“{ $reply }”），因为“-h [{ $bare }]”不是它能读的主机：chronyc 要求 IPv6 地址不带方括号，所以它一个地址也没有尝试。请用“-h { $bare }”重新运行；这与 chronyd 本身无关。
       *[other] chronyc 无法与 chronyd 通信（“{ $reply }”）：chronyd 没有运行，或其命令套接字或端口不可达。请检查“systemctl status chronyd”（或 chrony），套接字（/run/chrony/chronyd.sock）是否存在且 chronyc 可以打开；对远程主机（-h）检查 UDP 端口 { $port }（chronyc -p；chronyd 的“cmdport”）是否开放、“bindcmdaddress”是否监听该地址。
    }
finding-facility-not-enabled = chronyd 关闭了此命令所需的功能（“{ $reply }”）：settime 需要 chrony.conf 中的 manual 指令（或“chronyc manual on”），smoothing 和 smoothtime 需要 smoothtime 指令。如果不用它们，就没有问题。
finding-facility-not-enabled-by-manual = chronyd 不接受手工输入的时间（{ $command } 得到“{ $reply }”）：按 chronyc(1)，settime 只有在 chronyd 配置为允许时才起作用，即 chrony.conf 中的 manual 指令或“chronyc manual on”。打开其中之一后再输入时间即可，其他都没有问题。
finding-facility-not-enabled-by-smoothtime = chronyd 没有平滑它提供的时间（{ $command } 得到“{ $reply }”）：smoothing 和 smoothtime 需要 chrony.conf 中的 smoothtime 指令。如果不用时间平滑，就没有问题。
finding-facility-not-enabled-by-rtcfile = chronyd 没有跟踪实时时钟（{ $command } 得到“{ $reply }”）：RTC 相关命令需要 chrony.conf 中的 rtcfile 指令。除非你希望 chronyd 测量 RTC，否则没有问题。
finding-rtc-not-tracked = chronyd 没有跟踪实时时钟（“{ $reply }”）：没有“rtcfile”（或使用了“rtcsync”）时没有 RTC 报告；设置了 rtcfile 时，若 chronyd 打不开 RTC 设备（/dev/rtc，或 rtcdevice 指定的设备：容器或虚拟机中不存在，或不可读），它会放弃 RTC，并在日志中记录无法打开 RTC 设备的错误。除非你希望 chronyd 测量 RTC，否则没有问题。
finding-command-failed = chronyd 拒绝了该命令：“{ $reply }”。chronyc 4.0 到 4.9 不会打印这样的代码：请确认是哪个程序打印的，并检查命令及其参数（chronyc(1)）。
finding-chronyd-failed = chronyd 没能执行该命令（“{ $reply }”）：它理解了命令，但执行失败。makestep 在 chronyd 不控制时钟（以 -x 启动）或步进会让时间超出范围时失败；settime 在给出的时间无效或距上一次不足一秒时失败；doffset 在偏移会让时间无效时失败。chronyd 的日志会说明是哪一种（无法步进系统时钟，或调整量无效）。
finding-chronyd-failed-by-makestep = chronyd 没能步进时钟（makestep 得到“{ $reply }”）：时钟没有改变。以 -x 启动的 chronyd 不控制系统时钟（chronyd(8)：-x 关闭对系统时钟的控制），因此无法步进；它的日志在启动时写有“Disabled control of system clock”，此时写有无法步进系统时钟的消息。测试或实验用的 chronyd 就是这样；要设置时钟的 chronyd 应不带 -x 运行。否则就是这次步进会让时间超出 chronyd 接受的范围（日志：“Adjustment of … seconds is invalid”）。
finding-chronyd-failed-by-settime = chronyd 没有采用 settime 给出的时间（“{ $reply }”）：它不是有效的时间（早于 1970 年，或超出 NTP 时间的范围），或距上一次 settime 不足一秒。请重新输入（chronyc(1) settime：如 16:30:05 这样的时间，或日期加时间）。
finding-chronyd-failed-by-doffset = chronyd 拒绝了 doffset 给出的偏移（“{ $reply }”）：应用它会让时间超出 chronyd 接受的范围（日志：“Adjustment of … seconds is invalid”）。时钟没有改变。
finding-release-mismatch = chronyc 与 chronyd 互相不理解（“{ $reply }”）：{ $code ->
        [502] chronyd 不认识这个请求；比 chronyd 新的 chronyc 为旧 chronyd 没有的命令发出的请求就是这样。
        [508] chronyd 回答的报告不是 chronyc 请求的那一种，其他版本的 chronyd 会这样。
        [517] 二者使用的命令协议版本不同。
        [518] 请求比此 chronyd 预期的短，较旧的 chronyc 的请求就是这样。
        [520] chronyd 回答了此 chronyc 不认识的状态，较新的 chronyd 可能这样。
       *[other] chrony 4 不会发送这种状态（它属于旧版本的登录机制）。
    }请使用与所连 chronyd 同一版本的 chronyc（“chronyc -v”和“chronyd -v”会打印版本）。
finding-bad-subnet = chronyd 拒绝了该子网（“{ $reply }”）：allow、deny、cmdallow 和 cmddeny 接受带有相符前缀长度的地址（192.168.1.0/24、2001:db8::/32：IPv4 最多 /32，IPv6 最多 /128），或“all”。没有做任何改动。
finding-source-already-present = 无需处理：给出的地址已经是 chronyd 的时间源（“{ $reply }”），chronyd 保留已有的时间源，没有再添加。“chronyc -n sources -a”会列出它。要更改它的选项，先删除它（“chronyc delete 地址”）再重新添加。
finding-too-many-sources = chronyd 没有添加该时间源（“{ $reply }”）：它已容纳了能容纳的最多时间源。请删除不再需要的时间源（“chronyc -n sources -a”会列出它们）。
finding-rtc-not-written = chronyd 无法把 RTC 参数写入它的 rtcfile（“{ $reply }”）：请检查 chrony.conf 中的 rtcfile 路径，以及 chronyd 的用户能否写入该位置。
finding-address-family = chronyd 拒绝了该地址（“{ $reply }”）：它的类型（IPv4 或 IPv6）不是请求所要求的（时间源的 ipv4 或 ipv6 选项）。请给出所要求类型的地址，或去掉该选项。
finding-no-such-sample = chronyd 没有该编号的手工样本（“{ $reply }”）：“chronyc manual list”会列出样本及其编号；“manual delete 编号”删除其中之一。
finding-client-log-off = chronyd 不记录它的客户端（“{ $reply }”）：chrony.conf 中有“noclientlog”，因此“chronyc clients”没有内容可列（NTP 交错模式也随之关闭）。去掉 noclientlog 即可看到客户端；如果是有意关闭，就没有问题。
finding-invalid-name = chronyd 拒绝了给出的名称（“{ $reply }”）：时间源名称必须是可打印字符、不含空格，且短于 256 个字符。请原样给出名称或地址。
why-chronyc-refused = chronyc 自己拒绝了该命令：没有向 chronyd 发送任何内容
finding-chronyc-unknown-command = chronyc 没有运行{ $command ->
        [none] 该命令
       *[other]“{ $command }”
    }：chronyc 没有这个命令（“{ $reply }”），可能是拼写错误，或是只有更新的 chrony 才有的命令，没有向 chronyd 发送任何内容。{ $nearest ->
        [none] 请检查拼写：“chronyc help”会列出所有命令。
       *[other] 你想输入的是“{ $nearest }”吗？“chronyc help”会列出所有命令。
    }
finding-chronyc-name-unresolved = chronyc 无法把{ $name ->
        [none] 给出的名称
       *[other]“{ $name }”
    }解析为地址（“{ $reply }”），因此没有向 chronyd 发送任何内容。delete、burst、online、offline、allow 等命令中的名称由 chronyc 在它所运行的主机上自行解析：请检查拼写以及该名称在那里能否解析（DNS、/etc/hosts：“getent hosts 名称”），或直接给出地址（“chronyc -n sources”按地址列出时间源）。
finding-chronyc-bad-syntax = chronyc 拒绝了该命令的参数（“{ $reply }”），没有向 chronyd 发送任何内容。请对照 chronyc(1) 检查命令格式（“chronyc help”列出每个命令及其参数）：在 chronyc 需要地址、子网、数字或日期的位置给出相应的值。
finding-chronyc-socket = chronyc 无法建立接收 chronyd 应答的套接字（“{ $reply }”）：从 chrony 4.8 起，它在 chronyd 套接字旁建立自己的目录（/run/chrony 中的 chronyc.PID），以 root 运行时会切换为 chronyd 的用户（-u）。请以 root 或 chronyd 的用户运行它，并确认套接字所在目录属于 chronyd 的用户；监视报告也可以经 UDP 获取（chronyc -h 127.0.0.1）。
finding-chronyc-no-authentication = chronyc 忽略了该命令（“{ $reply }”）：chrony 4 没有命令密码（authhash、password）；会改变状态的命令需要 chronyd 的 Unix 套接字，请在服务器本机以 root 或 chronyd 的用户运行 chronyc。没有问题。

## 分别解读 Reach、LastRx 与状态（chronyc(1)，sources）。
why-refclock-no-sample = 参考时钟没有提供样本：没有数据送到其驱动（SHM 段、套接字或设备），不是网络问题
why-refclock-irregular = 最近 8 次轮询中只有 { $answered } 次其驱动有样本：参考时钟的 reach 寄存器记录的是驱动有样本的轮询（chronyc(1)，sources），所以这些空缺是驱动提供样本不规律，与网络无关
why-pool-prototype = 这是 pool 自身的关联（refid 为 .POOL.）：它只负责找出池中的服务器（各占一行），本身从不轮询，所以这里可达性为 0、层级为 16 是正常的
kind-ntpq-rv-peer = ntpq -c "rv ASSOCID"（ntpd 某一关联的变量）
field-flash = flash 位：该关联最近的报文或关联本身未通过的检查（ntpq(1)）；00 ok 表示全部通过。
field-peer-status = 该关联的状态字：是否配置、是否可达，以及 ntpd 选择算法如何对待它（sel_sys.peer、sel_candidate、sel_reject 等）。
why-flash-distance = flash { $flash }：超过距离阈值，服务器的根距离（根延迟 / 2 + 根离散）超过 ntpd 的上限（tos maxdist，未设置时为 1.5 秒）：ntpd 不会选择它
why-flash-unsynchronised = flash { $flash }：服务器本身未同步（闰秒告警，或层级为 16 或超过 ntpd 的上限）
why-flash-loop = flash { $flash }：同步环路，服务器在跟随本机
why-flash-auth = flash { $flash }：认证失败（密钥编号、密钥或 Autokey）
why-flash-denied = flash { $flash }：访问被拒绝（某条 restrict 行拒绝了它，或服务器回复了 kiss 代码）
why-flash-unreachable = flash { $flash }：不可达，或不可选择
why-flash-packet = flash { $flash }：重复或伪造的报文，已丢弃（下一个正常报文到来即恢复）
why-state-answers-rejected = 不可用：它有应答（reach），但 chronyd 不接受它的任何样本：这些样本未通过检验
why-state-orphan-peer = 本服务器不跟随的对等体：在孤儿根（local … orphan）上这是设计如此
finding-orphan-root = { $upstreams ->
        [silent] 上游服务器都无应答（reach 0），有应答的对等体也未被跟随
       *[none] 时间源只有对等体，且虽有应答却都未被跟随
    }：这正是孤儿根的样子（“local … orphan”：处于孤儿模式的服务器中，参考 ID 最小的一台提供自己的时钟，其他服务器跟随它）。本机 tracking 的 Reference ID 为 7F7F0101 即可确认；如果本机本应跟随其对等体，请检查对等体自己的时间源。

## 以输出所属工具（chrony、ntpd、交换机）的用语给出的诊断。
finding-source-rejected-chrony = { $sources }：最后一个包未通过 NTP 测试：{ $tests }，chronyd 丢弃了这个样本（ntpdata 只显示最后一个包的测试结果）。{ $group ->
        [delay] 如果一直不通过（“chronyc sources”中该源始终为“?”），说明 { $line } 行的 maxdelay、maxdelayratio 或 maxdelaydevratio（maxdelayquant）比往返时间还紧（chrony.conf(5)）：请放宽其中被点名的一项，或查明往返时间为何如此之长。
        [absurd-delay] chronyd 测得的往返时间（{ $delay } 秒）超出任何上限：chronyd 把 maxdelay 限制在 1000 秒以内，任何设置都放不过这些包，也没有哪个网络需要这么久。错的是时间戳而不是路径：请求与应答之间有时钟被步进，或只给 chronyd 伪造了时间（faketime、恢复的虚拟机）而给包打时间戳的内核没有（见 ntpdata 的“RX timestamping”）。请修正时钟或时间戳；放宽 maxdelay 没有用。
       *[other] maxdelay、maxdelayratio、maxdelaydevratio（maxdelayquant）是 { $line } 行的上限（chrony.conf(5)）。RFC 5905 第 7 项测试未通过表示报文头有误（层级、根延迟或根离散度超出范围）；第 1–3 项表示重复、伪造或无效的包；同步环路测试未通过表示该源在跟随本服务器。
    }
finding-source-rejected-ntpd = ntpd 没有使用 { $sources }：它不可达、自身未同步，或未通过 ntpd 的合理性检查（距离、层级）。“ntpq -c rv 关联号”可显示该关联的 flash 位。
finding-some-unreachable-ntpd = 有 { $count } 个服务器从未应答（reach 0）：{ $sources }。原因：途中 UDP 123 被阻断、名称无法解析，或本机或服务器上的“restrict”行丢弃了这些包。
finding-some-unreachable-ntpq-associations = { $count ->
        [1] 关联 { $sources } 从未应答（reach 为“no”）。“ntpq -c as”显示的是关联编号，不是地址：“ntpq -p”列出各服务器的地址，“ntpq -c "rv { $sources }"”给出这个关联的地址（srcadr）
       *[other] 有 { $count } 个关联从未应答（reach 为“no”）：{ $sources }。“ntpq -c as”显示的是关联编号，不是地址：“ntpq -p”列出各服务器的地址，“ntpq -c "rv 编号"”给出某个关联的地址（srcadr）
    }。原因：途中 UDP 123 被阻断、名称无法解析，或本机或服务器上的“restrict”行丢弃了这些包。
finding-some-unreachable-switch = 有 { $count } 个 NTP 服务器从未应答设备（reach 0）：{ $sources }。请检查从 NTP 源接口（及其 VRF）出发的路由、途中的 ACL、服务器地址，以及服务器是否允许该设备。
finding-never-answered-switch = { $sources } 从未应答设备：没有任何包返回。请检查从 NTP 源接口（及其 VRF）出发的路由、途中的 ACL、服务器地址以及服务器是否允许该设备；使用认证时，检查双方密钥是否一致。
finding-never-answered-ntpd = { $sources } 从未应答 ntpd：没有任何包返回。请检查地址、UDP 123 是否双向开放，以及本机和服务器上的“restrict”行；使用密钥时，检查双方密钥是否一致。
finding-none-selected-switch = 虽然有服务器应答，但没有一个被选中：它们可能彼此不一致、距离过远或未通过设备的检查。请比较它们的偏移和层级。
finding-none-selected-ntpd = 虽然有服务器应答，但没有一个被选中（没有“*”标记）：它们可能彼此不一致、距离过大或未通过 ntpd 的检查。请比较它们的偏移和层级；“ntpq -c as”显示每个关联的状态。
finding-upstream-unsynchronised-systemd = { $sources } 有应答，但它自身未同步（闰秒指示 3“未同步”、层级 0 或 16、参考为 INIT：它启动后还没有同步过）：systemd-timesyncd 无法跟随它。请先修好那台服务器，或给 timesyncd 另配一台（timesyncd.conf 中的 NTP=）。
finding-upstream-unsynchronised-switch = { $sources } 有应答但自身未同步（层级 16 或闰秒告警）：设备无法跟随它。请先修好该服务器。
finding-upstream-unsynchronised-ntpd = { $sources } 有应答但自身未同步（层级 16 或闰秒告警）：ntpd 无法跟随它。请先修好该服务器。

## selectdata（chronyc(1)）。
why-leap-unknown = 未知：尚未得到有效测量（selectdata 的“?”），并非服务器声明自己未同步
finding-required-not-selectable = 无法选中任何时间源：{ $sources } 生效了“require”（EOpts 中的 R），而它们目前都不可选，因此可选的时间源只能等待（W：{ $waiting }）。默认的“authselectmode mix”在同时配置了未认证服务器时，会给每个经过认证的时间源（NTS、密钥）和参考时钟加上“require”和“trust”（chrony.conf(5)）。请让一个必需的时间源正常工作（TCP 4460 上的 NTS-KE、参考时钟的数据来源），删除无法工作的时间源，或设置“authselectmode ignore”（“prefer”会给未认证的时间源加上 noselect）。
finding-all-falsetickers = 无法选择任何时间源：所有可选的时间源（{ $sources }）都标为 x，即 falseticker：它们的时间互不一致，没有多数认同同一时间（chronyc(1)：“x”表示该源可能是 falseticker）。{ $count ->
        [2] 两个时间源互不一致时不存在多数：chronyd 无法判断哪一个正确，而其中一个很可能是对的。请增加第三个时间源（形成多数至少需要三个），或用另一个时钟比对这两个源，修正或删除错误的那个。
       *[other] 请用另一个时钟逐个比对，修正或删除错误的时间源，或增加时间源使多数能够形成。
    }设置“trust”的时间源只有在另一个“trust”时间源与它不一致时才会被拒绝（chrony.conf(5)）。
finding-minsources-waiting = 时钟没有更新：{ $sources } 可选但在等待（W），而没有时间源生效“require”（EOpts R），所以是 minsources 让它们等待：只有至少 minsources 个时间源可选时，chronyd 才更新时钟（chrony.conf(5)），而现在只有 { $count } 个。请在 chrony.conf 中减小 minsources，或让更多时间源应答。

## 同一次粘贴只给一个结论：同一粘贴中的 selectdata 已查明为何没有时间源被选中时，tracking 和 sources 的结论。
finding-not-synchronised-by-no-update-yet = 未同步：chronyd 启动以来还没有更新过一次时钟（参考 ID 00000000，Ref time 为 1970，Update interval 为 0；chronyc(1)：Ref time 是最后一次处理参考源测量的时间）。刚启动或重启后这是正常的：等它最初几次轮询后再看（用 iburst 约 10 秒；不用则需几分钟）。chrony 4.7 及以后版本中带“local … orphan”的服务器在启动后要等 300 秒才提供自己的时钟（chrony.conf(5) local 的“waitunsynced”：带 orphan 时为 300 秒），所以这样的实验服务器在启动后的前五分钟是未同步的。如果一直如此，说明没有可用的上游：检查服务器是否在 UDP 123 上应答（防火墙、安全组）、域名能否解析（DNS）、隔离的服务器是否配置了“local stratum 10 orphan”，禁用 IPv6 时用 -4 启动 chronyd；“chronyc sources”显示哪些源有应答。
finding-not-synchronised-by-minsources-waiting = 未同步（参考 ID 00000000）：有时间源应答，但可选的时间源少于“minsources”的要求，因此 chronyd 不更新时钟；selectdata 显示它们在等待（W）。请在 chrony.conf 中减小 minsources，或让更多时间源应答。
finding-none-selected-by-first-polls = 服务器有应答，但还没有选中任何一个：每个都只应答了最初几次轮询（reach 寄存器按八进制记录最近八次轮询，仍在填充：1、3、7、17），说明 NTP 守护进程刚启动，样本还太少，无法选择服务器。请等待几次轮询；如果 reach 到 377 后仍未选中，再比较它们的偏移和层级。
finding-none-selected-by-few-samples = 时间源有应答但尚未被选中：每个都只应答了启动后的最初几次轮询，测量数太少，chronyd 还不能选它（chronyc(1)：测量数不够）。再等几次轮询；若八次后仍未选中，“chronyc selectdata”给出每个时间源的原因。
finding-none-selected-by-minsources-waiting = 时间源有应答但都未被选中：可选的时间源少于“minsources”的要求，所以可选的时间源在等待（selectdata：W）。请在 chrony.conf 中减小 minsources，或让更多时间源应答。
finding-not-synchronised-by-all-falsetickers = 未同步（参考 ID 00000000）：时间源有应答，但它们的时间互不一致，没有多数认同同一时间；chronyc 把每个可选的时间源都标为 x，即 falseticker（chronyc(1)：“x”表示该源可能是 falseticker）。请用另一个时钟逐个比对，修正或删除错误的时间源，或增加时间源使多数能够形成。
finding-none-selected-by-all-falsetickers = 时间源有应答但都未被选中：它们的时间互不一致，没有多数认同同一时间（selectdata 把每个可选的时间源都标为 x，即 falseticker）。请用另一个时钟逐个比对，修正或删除错误的时间源，或增加时间源使多数能够形成。
finding-not-synchronised-by-required-not-selectable = 未同步（参考 ID 00000000）：生效了“require”的时间源都不可选，因此没有时间源可以被选中；selectdata 列出了它们（EOpts R）。请让一个必需的时间源正常工作，或去掉该选项（或设置“authselectmode ignore”）。
finding-none-selected-by-required-not-selectable = 时间源有应答但都未被选中：生效了“require”的时间源都不可选，所以其他时间源在等待（selectdata 列出了它们：EOpts R）。请让一个必需的时间源正常工作，或去掉该选项（或设置“authselectmode ignore”）。
finding-not-synchronised-by-all-sources-offline = 未同步：本段粘贴中较早的“chronyc activity”显示所有时间源都处于离线状态，chronyd 一个也不轮询，时钟只靠自己运行。“chronyc online”会让它们重新被轮询。
finding-not-synchronised-by-selected-source = 未同步，尽管本段粘贴中 { $source } 已被选中（*）且有应答：网络、名称和服务器的“allow”都不是原因。chronyd 测量了该时间源，却没有把校正应用到时钟上。偏移大于“maxchange”允许的值时它就会这样（chrony.conf(5)：大于最大值的偏移会被忽略指定的次数；负的次数表示永远忽略），此时它的日志写有“Adjustment of … exceeds … (ignored)”（journalctl -u chronyd，Debian 上为 -u chrony）。请把该时间源的偏移与 maxchange 比较：如果时间源是对的（用另一个时钟核对），就把本机时钟步进一次（chronyc makestep）或调大 maxchange；如果它是错的，就修复或更换它。
finding-not-synchronised-by-maxchange = 未同步：chronyd 忽略了它测得的校正{ $source ->
        [none] {""}
       *[other]（来自 { $source }，它已被选中（*）且有应答）
    }。本段粘贴中它的日志写有“Adjustment of { $adjustment } seconds exceeds … { $maximum } seconds (ignored)”，即要做的调整 { $adjustment } 秒超过了允许的最大值 { $maximum } 秒：这是 maxchange 指令的作用（chrony.conf(5)：大于最大值的偏移会被忽略指定的次数，负的次数表示永远忽略）。原因既不是网络，也不是时间源的可达性。如果时间源是对的（用另一个时钟核对），就把本机时钟步进一次（chronyc makestep）或调大 maxchange；如果它是错的，就修复或更换它。
finding-correction-ignored = chronyd 没有应用 { $adjustment } 秒的校正：本段粘贴中它的日志写有“Adjustment of { $adjustment } seconds exceeds … { $maximum } seconds ({ $action })”，即要做的调整超过了允许的最大值 { $maximum } 秒，这是 maxchange 指令的作用（chrony.conf(5)：大于最大值的偏移会被忽略指定的次数；之后再出现一次，chronyd 就放弃并退出；负的次数表示永远忽略）。{ $action ->
        [exiting] chronyd 已经退出：次数用完了。
       *[other] 在忽略期间时钟得不到校正。
    }如果时间源是对的（用另一个时钟核对），就把本机时钟步进一次（chronyc makestep）或调大 maxchange；如果它是错的，就修复或更换它。
finding-reference-lost = 本机时钟正按最后的估计运行：tracking 仍把 { $sources } 列为参考（chronyc(1)：计算机当前同步到的服务器），但本段粘贴中的 sources 显示它不可达（可达性为 0：最近八次轮询都没有应答）。chronyd 保持它测得的频率，不再做任何校正，误差范围不断增大（根离散），它自己的客户端仍以层级 { $stratum } 跟随它。请让该时间源恢复应答，或给本服务器配置其他时间源。
finding-reference-lost-by-removed = 本机时钟正按最后的估计运行：tracking 仍把 { $sources } 列为参考（chronyc(1)：计算机当前同步到的服务器），但本段粘贴中的 sources 已不再列出它（用“chronyc delete”删除了，或重新加载配置后已不存在）。chronyd 保持它测得的频率，不再做任何校正，误差范围不断增大（根离散），它自己的客户端仍以层级 { $stratum } 跟随它。请重新添加时间源（server 或 pool 行，或“chronyc add server”）。
finding-no-sources-or-local-by-reference-removed = 没有列出任何时间源，尽管本段粘贴中的 tracking 把 { $sources } 列为参考：它已被移除（“chronyc delete”，或重新加载的配置中没有它），chronyd 也没有其他时间源。请添加 server 或 pool 行（或“chronyc add server”）。
finding-stats-stale = { $sources } 的统计来自它停止应答之前的样本（本段粘贴中的 sources：可达性为 0）：时间源不应答时 chronyd 不会加入新样本，因此这些数字不反映现在的情况。
finding-no-upstream-reachable-by-some-unresolved = { $sources } 已被轮询但没有应答（可达性为 0）；其余时间源没有地址，所以没有向它们发送任何请求。请检查服务器是否允许此客户端（它的“allow”行，且没有针对它的“deny”：在服务器上运行“chronyc accheck 地址”可知），UDP 123 是否畅通，地址是否正确，以及服务器是否已同步或有“local stratum N”。
finding-no-upstream-reachable-by-stopped = 目前没有时间源应答：每个时间源以前都应答过，现在停止了（可达性为 0，最后的样本已经过时），所以曾经有效的地址和服务器的“allow”都不是原因。可能是服务器停止了或重启后丢失了配置，或通往它的路径断了（防火墙或路由变更），或时间源被设为离线（“chronyc activity”会统计，“chronyc online”可恢复轮询）。请检查服务器是否在运行并应答（在那台机器上运行“chronyc tracking”）。{ $estimate ->
        [tracking] {""}
       *[other] 在此期间本机时钟按最后的估计继续运行，它自己的客户端也继续跟随它。
    }
finding-no-upstream-reachable-by-some-stopped = 目前没有时间源应答（可达性全为 0）。{ $stopped } 以前应答过，现在停止了（有最后的样本，随后可达性为 0）：它的地址和服务器的“allow”都曾经有效，所以可能是该服务器停止了或重启后丢失了配置，或通往它的路径断了（防火墙或路由变更），或它被设为离线（“chronyc activity”会统计离线的时间源，“chronyc online”可恢复轮询）。{ $never } 从未应答：服务器不允许此客户端（需要包含此客户端子网的“allow”，且没有针对它的“deny”；在服务器上运行“chronyc accheck 地址”可确认），途中 UDP 123 被阻断，地址错误，或上游本身未同步。
finding-no-upstream-reachable-by-all-sources-offline = 没有时间源应答（可达性全部为 0），因为 chronyd 没有向任何时间源发出请求：本段粘贴中较早的“chronyc activity”显示所有时间源都处于离线状态；离线的时间源不被轮询，可达性寄存器会清零，但并没有丢包。“chronyc online”会让它们重新被轮询。
finding-some-unreachable-by-all-sources-offline = 有 { $count } 个时间源的可达性为 0：{ $sources }。chronyd 没有轮询它们：本段粘贴中较早的“chronyc activity”显示所有时间源都处于离线状态。“chronyc online”会让它们重新被轮询。
finding-some-unreachable-by-sources-offline = 有 { $count } 个时间源的可达性为 0 且没有样本：{ $sources }。先看本段粘贴给出的原因：这里的“chronyc activity”显示有 { $count } 个时间源被设为离线，chronyd 不向离线的时间源发送请求，所以不会有应答（由服务器行的“offline”选项、“chronyc offline”或调用它的网络脚本设为离线）。“chronyc online”会让它们重新被轮询；只有在此之后可达性仍为 0，才需要检查服务器对此客户端的“allow”以及 UDP 123。
finding-never-answered-by-sources-offline = { $sources } 的可达性为 0 且没有样本。先看本段粘贴给出的原因：这里的“chronyc activity”显示有一个时间源被设为离线，chronyd 不向离线的时间源发送请求，所以不会有应答（由服务器行的“offline”选项、“chronyc offline”或调用它的网络脚本设为离线）。“chronyc online”会让它重新被轮询；只有在此之后可达性仍为 0，才需要检查服务器对此客户端的“allow”以及 UDP 123。
finding-never-answered-by-all-sources-offline = { $sources } 没有应答，因为 chronyd 没有向它发出请求：本段粘贴中较早的“chronyc activity”显示所有时间源都处于离线状态。“chronyc online”会让它重新被轮询。
finding-source-stale-by-all-sources-offline = { $sources } 保留着最后一个样本，但已不再被轮询：本段粘贴中较早的“chronyc activity”显示所有时间源都处于离线状态，所以它的可达性寄存器清零，但并没有丢包。“chronyc online”会让它重新被轮询。

## sourcestats（sourcestats.c：少于 3 个样本时不做回归）。
why-samples-few = 样本少于 3 个：chronyd 尚未做出估计，因此这一行的频率、频偏误差和标准差只是最坏情况的占位值

## timedatectl show-timesync（timedatectl(1)：显示 systemd-timesyncd 的属性）。
kind-timedatectl-show-timesync = timedatectl show-timesync
field-server-address = systemd-timesyncd 发送请求的地址（为空表示还没有：名称未解析或尚未尝试任何服务器）。
label-server-address = 服务器地址
field-ignored = systemd-timesyncd 是否忽略了最后一个应答（kiss 代码、未同步的服务器或错误的包）。
label-ignored = 已忽略
why-timesync-ignored = systemd-timesyncd 忽略了这个应答：目前不跟随该服务器
why-timesync-no-answer = 尚无应答：systemd-timesyncd 没有来自任何服务器的 NTP 消息
why-timesync-no-server = 没有服务器：服务器名和地址为空，也没有任何服务器列表（NTP=、网络、FallbackNTP=）给出服务器
finding-timesync-no-server = systemd-timesyncd 没有可以询问的 NTP 服务器：timesyncd.conf 中的 NTP= 为空，网络没有提供，FallbackNTP= 也为空（timesyncd.conf(5)），所以它不发送任何请求，也无法同步时钟。请在 /etc/systemd/timesyncd.conf（或 timesyncd.conf.d 中的片段）用 NTP= 设置服务器，然后执行“systemctl restart systemd-timesyncd”。
# 收到回答之前的服务器行：timesyncd 在询问它，时钟还没有跟随它。
meaning-timedatectl-show-timesync-server = systemd-timesyncd 当前使用的服务器（为空表示还没有选定）；只有在它回答之后（NTPMessage= 不为空），时钟才跟随它。
meaning-timedatectl-timesync-status-server = systemd-timesyncd 当前使用的服务器，格式为地址（名称）；只有在它回答之后（Packet count 大于 0），时钟才跟随它。
finding-never-answered-systemd = systemd-timesyncd 尚未收到 { $sources } 的应答（没有 NTP 消息）。请检查名称能否解析、服务器是否允许本机（它的访问规则：chrony 服务器只应答其“allow”行覆盖的子网，默认不应答任何客户端）、到服务器的 UDP 123 是否放通，以及“systemctl status systemd-timesyncd”（chronyd 或 ntpd 运行时它会停止）。
why-timesync-unresolved = 还没有地址：timedatectl 在 { $name } 的地址处显示“(null)”或“n/a”，即 systemd-timesyncd 尚未解析出该名称（还没有 DNS 应答），也没有向它发送任何请求
finding-never-answered-by-unresolved = systemd-timesyncd 还没有 { $sources } 的地址（timedatectl 在地址处显示“(null)”或“n/a”）：该名称尚未解析（没有 DNS 应答），所以没有发出任何 NTP 请求。请检查本机能否解析该名称（“resolvectl query { $sources }”或“getent hosts { $sources }”）以及所用的 DNS 服务器（“resolvectl status”），或在 NTP= 中直接写地址（timesyncd.conf(5)）；然后查看“systemctl status systemd-timesyncd”。
finding-source-rejected-systemd = systemd-timesyncd 忽略了 { $sources } 的最后一个应答：该服务器未同步、发送了 kiss 代码，或其数据包有误。请换用其他服务器（/etc/systemd/timesyncd.conf 中的 NTP=）。
finding-kiss-code-systemd = { $code ->
        [RATE] 服务器 { $sources } 以 kiss 代码 RATE 应答（RFC 5905，7.4：超出速率）：它对本客户端限速，systemd-timesyncd 会忽略该应答。请降低轮询频率（timesyncd.conf 中的 PollIntervalMinSec=），或换用其他服务器。
        [DENY] 服务器 { $sources } 以 kiss 代码 DENY 应答（RFC 5905，7.4：远端服务器拒绝访问）：它拒绝本客户端，systemd-timesyncd 会忽略该应答。降低轮询频率没有用：请在服务器的访问规则中放行本客户端（chrony 的 allow、ntpd 的 restrict、交换机的 ACL），或换用其他服务器（timesyncd.conf 中的 NTP=）。
        [RSTR] 服务器 { $sources } 以 kiss 代码 RSTR 应答（RFC 5905，7.4：因本地策略拒绝访问）：它拒绝本客户端，systemd-timesyncd 会忽略该应答。降低轮询频率没有用：请在服务器的访问规则中放行本客户端（chrony 的 allow、ntpd 的 restrict、交换机的 ACL），或换用其他服务器（timesyncd.conf 中的 NTP=）。
       *[other] 服务器 { $sources } 以 kiss 代码（{ $value }，RFC 5905，7.4）而不是时间应答，systemd-timesyncd 会忽略该应答：CRYP 和 AUTH 表示认证失败，STEP 表示服务器刚跳变了时钟、尚未重新同步。在它恢复以时间应答之前，请换用其他服务器（timesyncd.conf 中的 NTP=）。
    }

## ntpd 和交换机上的本地时钟驱动（127.127.1.x、LOCAL(0)）。
why-follows-local-clock = 未受约束的本地时钟（127.127.1.x、LOCAL(0)）：它跟随自己的时钟，与任何时间源都没有联系
why-upstream-local-clock = 该服务器的参考是它自己的本地时钟（127.127.1.x、LOCAL(0)）：它提供的是自己的时钟
why-step-pending = 偏移突变：如果不能平稳下来，时钟将在 { $secs } 秒后被步进调整
finding-follows-local-clock = 设备跟随自己的本地时钟（本地时钟驱动 127.127.1.x、LOCAL(0)；“ntp master”或“ntp-service refclock-master”）：作为隔离实验环境的根可以接受，但它与真实时间没有联系，其客户端也会随之漂移。请给它配置真正的上游服务器，或确认这正是你想要的实验根。
finding-follows-local-clock-ntpd = ntpd 跟随它自己未受约束的本地时钟（server 127.127.1.0、LOCAL(0)）：与真实时间没有联系。如果配置了真正的服务器，说明它不可用（查看其 reach 和标记）；请修好它，并只把本地时钟作为较高层级的后备（fudge 127.127.1.0 stratum 10）。
finding-upstream-local-clock = { $sources } 提供的是它自己的本地时钟（其参考为 127.127.1.x 或 LOCAL(0)：“ntp master”、“local stratum”或 ntpd 的本地驱动）：它和本设备都与真实时间没有联系。请给该服务器配置真正的上游，或把它当作隔离实验环境的根来接受。
finding-step-pending = 设备检测到偏移突变，将在 { $secs } 秒后步进调整时钟：其服务器的时间发生跳变，或相差超过步进阈值。在步进发生前，请用另一个时间源核对该服务器的时间。
finding-source-rejected-switch = { $answers ->
        [yes] 设备没有使用 { $sources }，尽管它有应答（reach 显示最近几次轮询都有应答）：选择算法把它排除了，原因是它自身未同步、与设备跟随的服务器相差太远，或太不稳定。请把它的层级和偏移与被选中的服务器比较。
       *[other] 设备没有使用 { $sources }：它不可达、自身未同步，或未通过设备的检查。请检查该服务器的状态和到它的路径。
    }
finding-source-offset-large-switch = { $sources } 的偏移较大（{ $value }）。偏移这么大的服务器要么本身有误，要么到它的路径不对称；有三个或更多服务器时设备可以把它投票排除。
finding-source-offset-large-ntpd = { $sources } 的偏移较大（{ $value }）。偏移这么大的服务器要么本身有误，要么到它的路径不对称；偏移超过 128 ms时 ntpd 会步进调整时钟，有三个或更多服务器时它可以把出错的服务器投票排除。
finding-falseticker-switch = { $count ->
        [0] 有服务器被判为错误源
       *[other] { $sources } 被判为错误源
    }：其时间与其他服务器不一致。请检查该服务器；有三个或更多服务器时设备会忽略错误源。
finding-falseticker-ntpd = { $count ->
        [0] 有服务器被判为错误源
       *[other] { $sources } 被判为错误源
    }：其时间与其他服务器不一致。请检查该服务器；有三个或更多服务器时 ntpd 会忽略错误源。
finding-falseticker-ntpq-associations = { $count ->
        [0] 有关联被判为错误源
       *[other] 关联 { $sources } 被判为错误源
    }（condition 为“falsetick”）：其服务器的时间与其他服务器不一致。“ntpq -c "rv 关联ID"”可显示其地址（srcadr）和偏移；请检查该服务器。有三个或更多服务器时 ntpd 会忽略错误源。

# ntpdata 的 NTP 测试名称。
ntp-test-rfc1 = RFC 5905 第 1 项测试
ntp-test-rfc2 = RFC 5905 第 2 项测试
ntp-test-rfc3 = RFC 5905 第 3 项测试
ntp-test-rfc5 = RFC 5905 第 5 项测试
ntp-test-rfc6 = RFC 5905 第 6 项测试
ntp-test-rfc7 = RFC 5905 第 7 项测试
ntp-test-maxdelay = maxdelay
ntp-test-maxdelayratio = maxdelayratio
ntp-test-maxdelaydevratio = maxdelaydevratio/maxdelayquant
ntp-test-loop = 同步环路测试
list-separator = 、
why-state-peer-follows = chronyd 丢弃其样本的对等体，而本服务器在跟随另一个源：它多半在跟随本服务器（chrony 的环路测试），这是对等体一对中上游一侧的正常状态；“chronyc ntpdata”会显示环路测试未通过
why-reach-zero-answered = 最近 8 次轮询都没有应答，但它以前应答过（LastRx）：它已停止应答，或 chronyd 已不再轮询它（离线）
why-tests-delay-once = 最后一个包未通过：{ $tests }；chronyd 丢弃了这一个样本，是一次比平时长的往返。它的大部分包都通过了测试（Total good RX）

## chronyc 的较小输出（chronyc(1)；client.c）：smoothing、manual list、waitsync、200 OK。
kind-chronyc-ok = chronyc 的回复：命令已被接受
kind-chronyc-smoothing = chronyc smoothing
kind-chronyc-manual-list = chronyc manual list
kind-chronyc-waitsync = chronyc waitsync
meaning-chronyc-ok-reply = chronyd 的应答码：200 OK，命令已被接受并执行。会改变状态的命令（online、offline、burst、add、delete 等）只打印这一行；208 Access allowed 和 209 Access denied 是 accheck 与 cmdaccheck 的回答。
why-access-allowed = chronyd 的规则允许此地址：accheck 查询的是 allow 与 deny 行（NTP 客户端），cmdaccheck 查询的是 cmdallow 与 cmddeny（经 UDP 的 chronyc）
why-access-denied = chronyd 的规则拒绝此地址：accheck 查询的是 allow 与 deny 行（那里的 NTP 客户端得不到应答；要为它服务，请加入包含其地址或子网的“allow”，或删除覆盖它的“deny”：更具体的规则优先，允许较大子网的“allow”抵消不了拒绝较小子网的“deny”），cmdaccheck 查询的是 cmdallow 与 cmddeny（那里的 chronyc 经 UDP 得不到应答）
field-smooth-active = 服务器时间平滑（smoothtime）现在是否生效：Yes 或 No；带 leaponly 选项时显示“(leap second only)”。
label-smooth-active = 生效
field-smooth-offset = 发给 NTP 客户端的时间所加的偏移：正值表示客户端得到的时间比真实时间快。
label-smooth-offset = 偏移
field-smooth-frequency = 所提供时间的频率偏差，ppm：负值表示客户端看到的时间比真实时间走得慢。
label-smooth-frequency = 频率（ppm）
field-smooth-wander = 所提供时间的频率变化速度，ppm 每秒：负值表示客户端看到的时间在变慢。
label-smooth-wander = 漂移（ppm/s）
field-smooth-last-update = 平滑过程上次更新（chronyd 加入新的测量）距今多久。
label-smooth-last-update = 上次更新
field-smooth-remaining = 如果不再有更新，平滑过程回到零偏移和零频率还需要多久。
label-smooth-remaining = 剩余时间
field-manual-samples = chronyd 保存的由 settime 给出的样本数（手动模式）。
label-manual-samples = 样本数
field-manual-index = 样本的序号，用于“manual delete”。
label-manual-index = #
field-manual-time = 输入样本的日期和时间（UTC）。
label-manual-time = 时间（UTC）
field-manual-slewed = 输入样本时时钟的误差，已按此后对时钟的调整修正，单位秒。
label-manual-slewed = 修正后
field-manual-original = 输入样本时时钟的误差，即当时的原值，单位秒。
label-manual-original = 原值
field-manual-residual = chronyd 用样本拟合出直线（时钟的偏移和漂移）后，该样本剩下的误差，单位秒。
label-manual-residual = 残差
field-try = 第几次尝试：waitsync 每个间隔（默认 10 秒）查询一次 chronyd 的 tracking。
label-try = 尝试
meaning-ntpd-refid = 参考 ID：时钟跟随的对象，按 ntpq(1) 的显示：IPv4 地址（IPv6 服务器则为其地址的哈希，以地址形式显示）、用点括起的参考时钟代码（如 .GPS. 或 .PPS.），或 kiss 代码（如 .INIT.，表示尚未同步，或 .STEP.）。
meaning-switch-refid = 参考 ID（ref clock、reference）：该服务器跟随的对象，按设备的显示：地址（或名称）、用点括起的参考时钟代码（如 .GPS.），尚未跟随任何对象时为 .INIT. 或 0.0.0.0。
meaning-chronyc-waitsync-refid = 这次尝试时 tracking 给出的参考 ID：00000000（或本地时钟的 7F7F0101）表示 chronyd 当时没有同步到任何时间源。
meaning-timedatectl-timesync-status-refid = 服务器最近一次应答中的参考 ID（是服务器的参考，不是本机的）：服务器所跟随的地址或时钟；7F7F0101（127.127.1.1）或 LOCL 表示该服务器提供的是它自己的本地时钟。
meaning-timedatectl-show-timesync-refid = 服务器最近一次应答（NTPMessage）中的参考 ID：是服务器所跟随的对象，不是本机的；7F7F0101（127.127.1.1）或 LOCL 表示该服务器提供的是它自己的本地时钟。
field-waitsync-correction = 这次尝试时系统时钟还需修正的量（tracking 的 System time，不带符号），单位秒。
label-waitsync-correction = 修正量
meaning-chronyc-waitsync-skew = 这次尝试时频率的估计误差上限（tracking 的 Skew），ppm。
finding-smoothing-offset = 服务器时间平滑（smoothtime）有意让客户端得到的时间比真实时间{ $direction ->
        [ahead] 快 { $value }
       *[behind] 慢 { $value }
    }：它把修正分散到一段时间里，而不是让客户端跳变。如果没有新的修正，它在 { $remaining } 后回到零。
finding-manual-no-samples = 没有保存任何样本：settime 还没有给 chronyd 一个时间，所以在手动模式下它没有可跟随的对象。“chronyc settime 时间”可以加入一个样本；chrony.conf 中有“manual”而没有时间源时，在此之前 tracking 一直是未同步。
finding-waitsync-never-synchronised = 在 waitsync 等待期间 chronyd 没有同步：{ $count } 次尝试中参考 ID 每次都是 00000000，所以 waitsync 放弃并以非零状态退出。原因在它的时间源：“chronyc sources”和“chronyc selectdata”显示为什么没有一个被使用。
finding-paste-cut = 这段粘贴看起来不完整：输出还没结束它就断了（某一行被截短，或缺少最后几行甚至整个表格）。只判断粘贴里有的部分，不根据缺少的部分下结论。请粘贴完整输出，以便全部判断。
finding-paste-cut-mid-line = 这段粘贴在一行中间断了：最后一行只有 { $got } 个逗号分隔的字段，而 chronyc -c 的这个报告每行有 { $want } 个。{ $line ->
        [fields] 只判断断点之前的字段（显示的最后一个字段本身可能也被截短），不根据缺少的字段下结论。
       *[row] 这一行不完整，没有判断；判断了它上面的完整行，也不对后面可能还有的行下结论。
    }请粘贴完整输出，以便全部判断。
finding-no-such-source = chronyd 在给出的地址上没有时间源（“{ $reply }”）：该命令按地址指定时间源，而 chronyd 的时间源中没有这个地址。“chronyc -n sources -a”列出它拥有的地址（按名称配置的时间源以名称解析出的地址列出）。
finding-sources-offline = 有 { $count } 个时间源处于离线状态：chronyd 不轮询这些时间源。它们是被 server 行的“offline”选项、“chronyc offline”或调用它的网络脚本设为离线的；“chronyc online”会让它们重新被轮询。
finding-all-sources-offline = 没有在线的时间源：{ $count } 个时间源处于离线状态，chronyd 一个也不轮询，所以时钟没有同步，只靠自己运行。“chronyc online”会让它们重新被轮询；请查明是什么把它们设为离线（server 行的“offline”选项、“chronyc offline”，或调用它的 NetworkManager、ifupdown 脚本）。
finding-nothing-selected = 没有时间源被选中：没有一个是 * 或 +，所以 chronyd 不跟随任何时间源，时钟没有同步。{ $cause ->
        [maxdistance] 每个时间源的根距离都大于“maxdistance”允许的值：当没有一个时间源能满足这个上限时，问题在配置（chrony.conf 的 maxdistance，默认 3 秒；根距离是根延迟的一半加上根离散度），而不在时间源。
       *[other] 每个时间源所在的行说明了它为什么不能被选择。
    }
finding-selected-stale = { $sources } 被选中（*），但它最近一次测量是在这次选择之前 { $last }，而 { $other } 是在之前 { $other_last } 测量的。除非 { $sources } 的轮询间隔就这么长（“chronyc sources”的 Poll 列），否则它已经停止应答，时钟得不到新的测量：只要一个不可达的时间源最近的样本不比应答中的时间源最早的样本更旧，chronyd 就继续选中它。{ $prefer ->
        [yes] 它的“prefer”选项（COpts 为 P）让 chronyd 一直用它，应答中的时间源只能是 P。请查看“chronyc sources”中的 Reach 和 LastRx；让该服务器恢复应答，或者去掉“prefer”，让别的时间源接替。
       *[other] 请查看“chronyc sources”中的 Reach 和 LastRx，并让该服务器恢复应答。
    }

## MikroTik RouterOS，/system ntp client print（help.mikrotik.com “NTP”；v6：wiki Manual:System/Time）。
kind-mikrotik-ntp-client = MikroTik RouterOS /system ntp client print
kind-chronyd-once = chronyd -q / -Q（测量一次后退出）
kind-chrony-version = chronyc -v / chronyd -v（chrony 的版本）
finding-once-measured = 服务器有应答：chronyd 测得系统时钟偏差 { $value }。{ $action ->
        [step] 使用 -q 时它把时钟跳变了这么多（“(step)”），然后退出。
       *[ignored] 使用 -Q 时它只打印偏差（“(ignored)”，chronyd(8)：“不对时钟做任何校正”）。
    }这台服务器可以使用。
finding-once-no-answer = { $cause ->
        [no-source] chronyd 没有可用的时间源（“No suitable source for synchronisation”）：服务器没有应答，或有应答但自己没有同步。
       *[timeout] chronyd 放弃之前没有任何服务器应答（-t 超时、“Timeout reached”，或退出时没有“System clock wrong by”行）：什么也没有测到。
    }请检查服务器地址是否正确、UDP 123 能否到达它、服务器的“allow”是否包含这个客户端且没有“deny”拒绝它（chrony.conf(5)：“默认不允许任何客户端访问”；更具体的规则优先，允许子网的“allow”抵消不了拒绝该客户端的“deny”），以及服务器是否已同步或设置了“local stratum N”。
field-enabled = NTP 客户端是否启用（RouterOS：enabled=yes/no，默认 no）。
field-servers = 为客户端配置的 NTP 服务器（地址或名称；DHCP 也可能加入）。
field-primary-ntp = RouterOS v6：第一个 NTP 服务器的地址（0.0.0.0 表示没有）。两个都设置时，SNTP 客户端轮流使用，请求超时或服务器发来 kiss-o'-death 时切换。
field-secondary-ntp = RouterOS v6：第二个 NTP 服务器的地址（0.0.0.0 表示没有）。
field-server-dns-names = RouterOS v6：按名称指定的 NTP 服务器，每次请求时解析（需要 /ip dns）。
field-active-server = RouterOS v6：SNTP 客户端当前询问的 NTP 服务器（primary-ntp 或 secondary-ntp）。
field-last-update-from = RouterOS v6：最近一次成功处理的应答来自哪个服务器。
field-last-update-before = RouterOS v6：距最近一次成功处理应答的时间。
field-last-adjustment = RouterOS v6：最近一次更新时对时钟所做的调整量。
meaning-mikrotik-ntp-client-mode = 客户端的工作方式：unicast（向服务器发请求）、broadcast、multicast 或 manycast。
meaning-mikrotik-ntp-client-vrf = 客户端到达服务器所经的 VRF（默认 main）。
meaning-mikrotik-ntp-client-frequency = freq-drift：NTP 客户端测得的时钟频率漂移，单位 ppm；正常时钟在 ±100 ppm 以内。
meaning-mikrotik-ntp-client-status = 客户端状态：synchronized（已同步）、stopped（已停止）、waiting（还没有可用的应答）或 using-local-clock（路由器提供自己的时钟）。
meaning-mikrotik-ntp-client-server = synced-server：路由器同步到的 NTP 服务器地址。
meaning-mikrotik-ntp-client-stratum = synced-stratum：路由器跟随的服务器的层级（紧接参考时钟为 1，16 表示未同步）。
meaning-mikrotik-ntp-client-offset = system-offset：路由器时钟与其 NTP 服务器时间的偏差。
meaning-mikrotik-ntp-client-poll-interval = RouterOS v6：向当前服务器发请求的间隔；从 16 秒开始，逐次加倍，最多 15 分钟。
label-enabled = 已启用
label-servers = 服务器
label-primary-ntp = 主服务器
label-secondary-ntp = 备用服务器
label-server-dns-names = 服务器名称
label-active-server = 当前服务器
label-last-update-from = 上次更新来自
label-last-update-before = 距上次更新
label-last-adjustment = 上次调整
why-ntp-client-stopped = NTP 客户端已停止：路由器不同步时钟
why-ntp-client-waiting = 还没有服务器应答路由器：未同步
why-ntp-client-local-clock = 路由器提供自己的时钟：不跟随任何 NTP 服务器
finding-not-synchronised-mikrotik = 路由器的 NTP 客户端没有同步时钟（已停止，或 enabled=no）。请连同服务器一起启用：/system ntp client set enabled=yes servers=地址，然后再用 /system ntp client print 查看。
finding-no-upstream-reachable-mikrotik = 没有 NTP 服务器应答路由器（{ $sources }）：客户端处于等待状态。请检查服务器地址（名称需要 /ip dns）、从路由器所在 VRF 出发的路由、途中的防火墙过滤规则（UDP 123 双向），以及服务器是否允许这台路由器；/system ntp monitor-peers 可显示每个服务器的应答。
finding-follows-local-clock-mikrotik = 路由器提供自己的时钟（状态 using-local-clock）：它的 NTP 服务器在运行，而客户端不跟随任何服务器，因此它的时间与真实时间没有任何联系，它的客户端也随之漂移。请给它配置服务器（/system ntp client set enabled=yes servers=地址），或确认这台路由器正是你要的实验环境根服务器。
finding-source-offset-large-mikrotik = 路由器时钟与其 NTP 服务器相差 { $value }。偏差这么大的服务器是错的，或到它的路径不对称；如果一直如此，请查看 /system ntp monitor-peers 并比较各服务器。
finding-upstream-unsynchronised-mikrotik = 路由器跟随的服务器自身未同步（层级 16）：路由器无法跟随它。请先修好那台服务器，或给路由器换一台。
finding-stratum-high-mikrotik = 路由器的服务器处于层级 { $value }，这是服务器能提供的最后一级：路由器自己的客户端将是未同步的。同步环路会升到这里，服务器链太长也会。
finding-frequency-high-mikrotik = 路由器时钟漂移 { $ppm } ppm，超过正常时钟的 ±100 ppm：它的晶振可能有故障（CHR 则是虚拟机的时钟不稳定）。
finding-frequency-limit-mikrotik = 路由器时钟漂移 { $ppm } ppm，超出 NTP 能校正的范围（500 ppm）：它的晶振有故障，CHR 则是虚拟机的时钟不稳定。

## Cisco NX-OS configuration views (show ntp peers, show ntp status).
kind-nxos-show-ntp-peers = Cisco NX-OS show ntp peers
kind-nxos-show-ntp-status = Cisco NX-OS show ntp status
field-peer-type = Server：交换机向它轮询；Peer：对称对端（配置中的 ntp server 或 ntp peer）。
field-distribution = Cisco Fabric Services（CFS）是否把 NTP 配置分发到其他交换机（ntp distribute）。
field-last-operational-state = NTP 配置上一次 CFS 会话的状态（会话持有锁，直到 ntp commit 或 ntp abort）。
label-peer-type = 服务器或对端
label-distribution = CFS 分发
label-last-operational-state = 上次 CFS 会话
finding-nxos-peers-configured = show ntp peers 只列出配置的服务器和对端，看不出它们是否应答、是否被选中：请用 show ntp peer-status 查看（其可达性，以及标 * 的、交换机正在跟随的那一个）。
finding-nxos-status-distribution = 在 NX-OS 上，show ntp status 只说明 NTP 配置是否通过 CFS 分发（distribution 为 { $value }），与同步状态无关：请用 show ntp peer-status 查看服务器和被选中的那一个。
meaning-nxos-show-ntp-peers-key-id = 与该服务器或对端一起使用的对称密钥编号（ntp server … key N）；None 表示不认证。
field-link-ntp-servers = 从网络为该链路获得的 NTP 服务器（DHCP、systemd-networkd），优先使用。
field-system-ntp-servers = timesyncd.conf 中 NTP= 设置的服务器。
field-runtime-ntp-servers = 运行时通过总线设置的服务器（timedatectl ntp-servers）。
field-fallback-ntp-servers = FallbackNTP= 服务器：只在没有其他已知服务器时使用（timesyncd.conf(5)），由发行版设置。
label-link-ntp-servers = 链路服务器
label-system-ntp-servers = NTP= 服务器
label-runtime-ntp-servers = 运行时服务器
label-fallback-ntp-servers = 备用服务器
finding-timesync-fallback-only = systemd-timesyncd 除备用服务器（{ $sources }）外不知道任何服务器：timesyncd.conf 中的 NTP= 为空，网络也没有提供。FallbackNTP= 是发行版的默认值，只在别无所知时使用；请在 /etc/systemd/timesyncd.conf（或 timesyncd.conf.d 中的片段）用 NTP= 设置本站点应使用的服务器。
finding-clock-step-failed = { $failure ->
        [adjust] chronyd 无法调整系统时钟：本段日志显示 { $call } 调用失败（{ $error }），chronyd 因此退出。
       *[other] chronyd 无法步进系统时钟：本段日志显示步进失败 { $count } 次{ $wrong ->
            [none] 。
           *[other] ，此前日志给出系统时钟偏差 { $wrong } 秒。
        }
    }{ $control ->
        [disabled] 日志还显示已禁用对系统时钟的控制：chronyd 以 -x 启动，该选项禁止它控制系统时钟（chronyd(8)），它只跟踪偏移。需要由它设置时钟时，请不带 -x 启动。
        [no-capability] 日志还显示缺少 CAP_SYS_TIME：该进程无权设置时钟，常见于没有这项能力的容器。请授予 CAP_SYS_TIME（docker run --cap-add SYS_TIME），或由宿主机的 chronyd 设置时钟，这里的 chronyd 以 -x 启动。
       *[other] chronyd 可能无权设置时钟：以 -x 启动（日志中会有禁用时钟控制的提示），在缺少 CAP_SYS_TIME 的容器中运行，或 seccomp、SELinux 策略拒绝了该调用（审计日志会记录）。
    }在 chronyd 获准设置时钟之前，跳变（makestep 指令或 chronyc makestep）同样会失败。
finding-clock-behind-by-step-failed = 系统时钟比 NTP 时间落后 { $value }（chronyc 显示为“slow”，即慢），而 chronyd 无法修正：本段日志显示步进失败（见关于步进失败的结论）。在 chronyd 获准设置时钟之前，添加 makestep 或运行“chronyc makestep”同样会失败。
finding-clock-ahead-by-step-failed = 系统时钟比 NTP 时间超前 { $value }（chronyc 显示为“fast”，即快），而 chronyd 无法修正：本段日志显示步进失败（见关于步进失败的结论）。在 chronyd 获准设置时钟之前，添加 makestep 或运行“chronyc makestep”同样会失败。
finding-source-offset-large-by-step-failed = 本机时钟在上次更新时偏差 { $value }（Last offset，chronyc(1)：“上次时钟更新时估计的本地偏移”；RMS offset 为 { $rms }）：这是本机时钟自身的偏移，不是某个时间源的。chronyd 测得了它，却无法步进时钟（见本段日志和关于步进失败的结论），所以偏移一直存在；在 chronyd 获准设置时钟之前，makestep 同样会失败。
finding-not-synchronised-by-sources-answer = 未同步（参考 ID 为 00000000），但本段粘贴中有时间源应答（“chronyc sources”中可达性大于 0）：原因不在网络、域名或服务器的“allow”，而是 chronyd 没有选中任何应答的源。“chronyc sources”的结论列出可能的原因，“chronyc selectdata”给出每个源的原因；若有已认证的源（NTS 或对称密钥“key”，或带“require”的源），默认的 authselectmode mix 会在已认证的源不可选时不选任何未认证的源（“chronyc authdata”显示其密钥）。
finding-not-synchronised-by-nts-keys-missing = 未同步（参考 ID 为 00000000），但本段粘贴中有时间源应答：一个 NTS 源没有密钥（其密钥协商失败，见本段中 chronyd 的日志或“chronyc authdata”），而默认的 authselectmode mix 会给已认证的源加上“require”（chrony.conf(5)：已认证的源会获得 require 和 trust 选项），因此 chronyd 不能选择任何应答的未认证源。原因不在 UDP 123 或网络。请先修复该 NTS 源的密钥协商（服务器的 NTS-KE 端口，默认 TCP 4460，要开放并有服务；其证书要受信任并包含你使用的主机名），或设置“authselectmode ignore”，让其他源先被使用。
finding-none-selected-by-nts-keys-missing = 有时间源应答，但没有一个被选中：本段粘贴中一个 NTS 源没有密钥（其密钥协商失败），而默认的 authselectmode mix 会给已认证的源加上“require”，所以应答的未认证源都在等待它。请先修复该 NTS 源的密钥协商（NTS-KE，默认 TCP 4460），或设置“authselectmode ignore”。
finding-not-synchronised-by-upstream-unsynchronised = 未同步（参考 ID 为 00000000）：本段粘贴中 { $sources } 有应答（“chronyc ntpdata”显示收到了包），但它自身未同步（闰秒状态为“未同步”，层级 0 或 16），因此 chronyd 不接受它的任何应答。原因不在网络、域名或那台服务器的“allow”。请先修好那台服务器：它自己的时间源，或隔离实验环境中的“local stratum N”（从 chrony 4.7 起，orphan 服务器启动后要按 waitunsynced 等待 300 秒才提供时间）。
finding-not-synchronised-by-auth-failing = 未同步（参考 ID 为 00000000）：本段粘贴中 { $sources } 有应答，但它的包认证失败（“chronyc ntpdata”），chronyd 会忽略这些包。原因不在网络或那台服务器的“allow”。请比对两端的密钥（两端密钥文件中的 ID、类型和密钥必须相同），或两端的 NTS 设置。
finding-not-synchronised-by-key = 未同步（参考 ID 为 00000000）：{ $sources } 从未应答，且使用对称密钥（本段粘贴中的“chronyc authdata”：模式 SK，密钥 { $key }）。如果 chrony 服务器在该 ID 下的密钥不同或没有该密钥，它会直接丢弃这类请求而不作应答，所以先查密钥：比对两端的密钥文件（ID、类型和密钥必须相同）。其次是服务器是否用“allow”允许本客户端（且没有针对它的“deny”：更具体的规则优先），以及沿途的 UDP 123。
finding-not-synchronised-by-key-missing = 未同步（参考 ID 为 00000000）：{ $sources } 从未应答，因为 chronyd 根本没有向它发送请求：本机密钥文件中没有密钥 { $key }（本段粘贴中的“chronyc authdata”：KeyID 为 { $key }、密钥长度为 0；chronyd 日志记录“Key { $key } is missing”）。问题不在服务器、访问规则或防火墙。请把密钥 { $key } 加入“keyfile”指令指定的文件（chrony.conf(5) 的 keyfile），类型和密钥与服务器的相同，然后运行“chronyc rekey”（或重启 chronyd）。
finding-not-synchronised-by-no-answer = 未同步（参考 ID 为 00000000）：没有任何时间源应答（本段粘贴中的“chronyc ntpdata”：请求已发出，一个也没有收到）。它们的地址已知，所以原因不在域名解析（DNS）或 -4：是服务器丢弃了请求，或请求没有到达服务器。首先检查服务器的访问规则：chrony.conf(5)（allow、deny）规定，没有“allow”覆盖、或被“deny”覆盖的客户端，其请求会被 chronyd 直接丢弃、没有应答，并且更具体的规则优先，所以允许本客户端子网的“allow”抵消不了拒绝其地址的“deny”（在服务器上运行“chronyc accheck 地址”可确认）。其次是对称密钥（server 行上的“key N”）：服务器在该 ID 下的密钥不同或没有该密钥时，同样会丢弃这些请求。然后是沿途的 UDP 123（防火墙、安全组）。
finding-not-synchronised-by-no-answer-sources = 未同步（参考 ID 为 00000000）：没有任何时间源被计为有应答（本段粘贴中的“chronyc sources”：reach 全部为 0）。它们的地址已知，所以原因不在域名解析（DNS）或 -4。reach 为 0 有两种原因，仅凭这段粘贴无法区分（chronyd 只把通过其检查的应答计入 reach）：服务器有应答，但它自己没有同步（没有可达上游、也没有“local stratum”的实验服务器；或从 chrony 4.7 起，带“local … orphan”的服务器启动后的前 300 秒，即“waitunsynced”）；或者根本没有应答回来。用“chronyc ntpdata 地址”可以区分：Total RX 大于 0 且 Leap status 为 Not synchronised（未同步）是第一种，请修好那台服务器（在它上面运行“chronyc tracking”）；Total RX 为 0 是第二种。对第二种，首先检查服务器的访问规则：chrony.conf(5)（allow、deny）规定，没有“allow”覆盖、或被“deny”覆盖的客户端，其请求会被 chronyd 直接丢弃、没有应答（在服务器上运行“chronyc accheck 地址”可确认）；其次是对称密钥（server 行上的“key N”）：服务器在该 ID 下的密钥不同或没有该密钥时也会丢弃请求；然后是沿途的 UDP 123（防火墙、安全组）。
finding-no-upstream-reachable-by-key = 所有时间源都没有应答（可达性均为 0），且 { $sources } 使用对称密钥（本段粘贴中的“chronyc authdata”：模式 SK，密钥 { $key }）。先查密钥：如果 chrony 服务器在该 ID 下的密钥不同或没有该密钥，它会直接丢弃请求而不作应答；请比对两端的密钥文件（ID、类型和密钥必须相同）。其次是服务器不允许本客户端（需要一行包含本客户端子网的“allow”，且没有针对本客户端的“deny”：更具体的规则优先）、沿途阻断了 UDP 123，或地址错误。
finding-no-upstream-reachable-by-key-missing = 所有时间源都没有应答（可达性均为 0），因为 chronyd 根本没有向 { $sources } 发送请求：本机密钥文件中没有密钥 { $key }（本段粘贴中的“chronyc authdata”：KeyID 为 { $key }、密钥长度为 0；chronyd 日志记录“Key { $key } is missing”）。问题不在服务器、访问规则或防火墙。请把密钥 { $key } 加入“keyfile”指令指定的文件（chrony.conf(5) 的 keyfile），类型和密钥与服务器的相同，然后运行“chronyc rekey”（或重启 chronyd）。
finding-some-unreachable-by-key = 有 { $count } 个时间源从未应答（可达性为 0）：{ $sources }，且{ $count ->
        [1] 它使用
       *[other] 它们都使用
    }对称密钥（本段粘贴中的“chronyc authdata”：模式 SK，密钥 { $key }）。先查密钥：如果 chrony 服务器在该 ID 下的密钥不同或没有该密钥，它会直接丢弃请求而不作应答；请比对两端的密钥文件（ID、类型和密钥必须相同）。其次是服务器不允许本客户端（需要一行包含本客户端子网的“allow”，且没有针对本客户端的“deny”：更具体的规则优先）、沿途阻断了 UDP 123，或地址错误。
finding-some-unreachable-by-key-missing = 有 { $count } 个时间源从未应答（可达性为 0）：{ $sources }，因为 chronyd 根本没有向其发送请求：本机密钥文件中没有密钥 { $key }（本段粘贴中的“chronyc authdata”：KeyID 为 { $key }、密钥长度为 0；chronyd 日志记录“Key { $key } is missing”）。请把密钥 { $key } 加入“keyfile”指令指定的文件（chrony.conf(5) 的 keyfile），类型和密钥与服务器的相同，然后运行“chronyc rekey”（或重启 chronyd）。
finding-never-answered-by-key = { $sources } 从未应答，且它使用对称密钥（本段粘贴中的“chronyc authdata”：密钥 { $key }）。先查密钥：如果 chrony 服务器在该 ID 下的密钥不同或没有该密钥，它会直接丢弃请求而不作应答；请比对两端的密钥文件（ID、类型和密钥必须相同）。其次是地址、UDP 123 是否双向放通，以及服务器是否用“allow”允许本客户端（且没有针对它的“deny”：更具体的规则优先）。
finding-never-answered-by-key-missing = { $sources } 从未应答，因为 chronyd 根本没有向它发送请求：本机密钥文件中没有密钥 { $key }（本段粘贴中的“chronyc authdata”：KeyID 为 { $key }、密钥长度为 0；chronyd 日志记录“Key { $key } is missing”）。问题不在服务器、访问规则或防火墙。请把密钥 { $key } 加入“keyfile”指令指定的文件（chrony.conf(5) 的 keyfile），类型和密钥与服务器的相同，然后运行“chronyc rekey”（或重启 chronyd）。
why-reach-filling-fast = 最近 { $answered } 次轮询有应答，更早的没有：轮询间隔为 { $poll } 秒时寄存器几秒内就会填满，因此无法区分刚开始轮询和成串丢失的应答（限速的服务器会丢弃如此频繁的请求）；“chronyc ntpdata”可对比请求数与应答数（Total TX、Total RX）
# 粘贴值的读法，显示在粘贴原文旁（解读的“值”列）。
value-ago = { $value }前
value-ppm-fast = 快 { $value } ppm
value-ppm-slow = 慢 { $value } ppm
value-none = 无
value-true = 是
value-false = 否
value-synchronized = 已同步
value-unsynchronized = 未同步
explain-value-reads = 即{ $reading }。{ $meaning }
kind-ntpq-mrulist = ntpq -c mrulist（ntpd 收到过报文的客户端）
meaning-ntpq-mrulist-ntp-last = 距该地址最后一个报文的秒数（lstint）。
meaning-ntpq-mrulist-ntp-interval = 该地址报文的平均间隔，单位秒（avgint）。
meaning-ntpq-mrulist-restrict-flags = 作用于该地址的 restrict 标志，十六进制（rstr），取自 ntp.conf 中匹配的“restrict”行；只有最后一个报文被限速时才显示 limited 和 kod。
field-rate-control = 客户端最后一个报文的限速结果（ntpq mrulist 的 r 列）：. 未限速，L 被限速丢弃，K 以 kiss-o'-death 回复。
field-restrict-flags = 作用于某个客户端的 restrict 标志（十六进制），即 ntpq mrulist 的 rstr 列：取自 ntp.conf 中匹配的“restrict”行。
meaning-ntpq-mrulist-rate-control = 最后一个报文的限速结果（r）：. 未限速，L 被限速丢弃，K 以 kiss-o'-death 回复。
meaning-ntpq-mrulist-ntp-mode = 报文模式（m）：3 客户端，1 或 2 对等体，4 应答本 ntpd 的服务器，6 和 7 是 ntpq 和 ntpdc 的查询。
meaning-ntpq-mrulist-version = 其报文的 NTP 版本（v）。
meaning-ntpq-mrulist-ntp-hits = 从该地址收到的报文数（count）。
meaning-ntpq-mrulist-score = 每秒报文数，按指数衰减平均（score）。
meaning-ntpq-mrulist-ntp-drops = 被丢弃或以 kiss-o'-death 回复的报文数（drop）：大于 0 表示被限速。
meaning-ntpq-mrulist-remote-port = 最后一个报文的源端口（rport）。
meaning-ntpq-mrulist-address = 客户端的地址或名称（remote address）。
why-mru-rate-control = 最后一个报文因限速（“restrict … limited”、“discard”）{ $value ->
        [K] 收到 kiss-o'-death 回复
       *[other] 被丢弃
    }
why-restrict-refused = 匹配它的“restrict”行（标志 { $value }）带有 ignore 或 noserve：ntpd 不向它提供时间
why-drops-rate-limited-ntpd = 有 { $drops } 个报文被丢弃或以 kiss-o'-death 回复：客户端轮询速度超过“discard”的限制
finding-clients-rate-limited-ntpd = 部分客户端（{ $sources }）的请求被 ntpd 限速：它们的轮询速度超过“discard”的 minimum/average 限制，且匹配的“restrict”行带有“limited”（有“kod”时会收到 kiss-o'-death）。请降低它们的轮询频率（minpoll，不用 burst）或在 ntp.conf 中放宽“discard”。
finding-clients-refused = ntpd 拒绝向 { $sources } 提供时间：ntp.conf 中匹配它们的“restrict”行带有“ignore”或“noserve”，它们的请求得不到应答。若它们是实验室客户端，请为其子网写一行不带这些标志的 restrict（例如“restrict 10.0.0.0 mask 255.255.255.0 nomodify notrap nopeer noquery”）。
kind-chronyc-settime = chronyc settime
field-settime-offset = 时钟与 settime 给出的时间相差多少，单位秒：正值表示时钟偏快。
label-settime-offset = 时钟偏快
field-settime-frequency-change = chronyd 根据这个手动样本对时钟频率的改变量，单位 ppm。
label-settime-frequency-change = 频率改变（ppm）
field-settime-new-frequency = 加入这个样本后时钟的频率，单位 ppm（正常时钟在 ±100 ppm 以内）。
label-settime-new-frequency = 新频率（ppm）
finding-settime-frequency-limit = 手动样本把时钟频率设成了 { $ppm } ppm，远超正常时钟的 ±100 ppm，已达到或接近系统驱动能设置的上限（chrony.conf(5) maxdrift：Linux 为 100000 ppm，FreeBSD、NetBSD 和 macOS 为 500 ppm）。chronyd 根据 settime 的样本计算频率（chronyc(1) settime）：相隔仅几秒、各自误差又相差几秒的样本会算出荒谬的频率，时钟现在就按这个频率走偏。请执行“chronyc manual reset”（或用“manual delete N”删除错误的样本），再相隔几分钟给出 settime 样本，每次尽量准确。
kind-chronyd-messages = chronyd 自己的日志（journal、systemctl status、chronyd -d）
finding-chronyd-fatal = chronyd 拒绝启动{ $fix ->
        [other] ：“Fatal error : { $message }”。
       *[known] （日志中的“Fatal error”消息）：
    }{ $fix ->
        [noclientlog] “ratelimit”（或“ntsratelimit”、“cmdratelimit”）不能与“noclientlog”同时使用：限速需要客户端日志。删除其中一个。
        [directive] chrony.conf { $line ->
            [none] {""}
           *[other] 第 { $line } 行
        }有 chronyd 不认识的指令：请检查拼写（chrony.conf(5) 列出了全部指令）或它从哪个版本开始支持。
        [subnet] “allow”/“deny”的子网无效：IPv4 前缀最多 /32，IPv6 最多 /128，地址每段最大 255。
        [arguments] { $line ->
            [none] 某条指令
           *[other] 第 { $line } 行的指令
        }参数太少或太多：格式见 chrony.conf(5)。
        [option] { $line ->
            [none] 某条指令
           *[other] 第 { $line } 行的指令
        }有 chronyd 不认识或读不了的选项：请对照 chrony.conf(5) 检查拼写（是“maxpoll”，不是“maxpol”）。
        [value] { $line ->
            [none] 某条指令
           *[other] 第 { $line } 行的指令
        }的值超出范围（“local stratum”取 1 到 15）。
        [refclock] “refclock”的驱动不是 chronyd 支持的：驱动有 PPS、SHM、SOCK 和 PHC（GPS 通过 gpsd 用 SHM 或 SOCK 读取）。
        [user] “user”指令（或 -u）指定的用户在这台主机上不存在：创建它，或写软件包创建的用户（chrony 或 _chrony）。
        [running] 另一个 chronyd 正在用同一个 pid 文件运行：先停止它（systemctl stop chronyd 或 chrony）再启动这个，或给每个设置自己的“pidfile”。
        [nts-cert] NTS 服务器的证书或私钥（“ntsservercert”、“ntsserverkey”）读不了{ $path ->
            [none] {""}
           *[other] （{ $path }）
        }：检查两个路径，以及 chronyd 的用户能否读取。
        [glob] “include”、“confdir”或“sourcedir”指定的{ $path ->
            [none] 目录
           *[other] {" "}{ $path }{" "}
        }无法搜索（目录不存在，或 chronyd 无权读取）：检查路径，或删除这一行。
        [file] 配置指定的{ $path ->
            [none] 某个文件
           *[other] 文件 { $path }{" "}
        }打不开：检查路径和权限。
       *[other] 按消息所说修正 chrony.conf，再用“chronyd -p”检查，然后重新启动 chronyd。
    }在此之前 chronyd 没有运行：“chronyc”无法与它通信。
finding-chronyd-exited = 服务失败（systemctl：“Active: failed”），而粘贴的内容里没有 chronyd 的“Fatal error”消息：运行“journalctl -u chronyd”（或 chrony），看最后几行。
finding-log-started = chronyd { $version } 已启动；粘贴的日志没有报告问题。
finding-log-selected = chronyd 跟随 { $source }（最后一条“Selected source”）。
finding-log-cant-synchronise = { $state ->
        [no-required] chronyd 记录了“Can't synchronise: no required source in selectable sources”：标了“require”的时间源（authselectmode mix 时为经过认证的时间源）都不可选，所以任何时间源都不能用。让一个必需的时间源可达（且密钥有效），或去掉“require”。
        [no-majority] chronyd 记录了“Can't synchronise: no majority”：时间源互不一致，没有一组多数相符；请增加时间源或去掉错误的那个。
       *[no-selectable] chronyd 记录了“Can't synchronise: no selectable sources”：当时没有时间源应答或可用（不可达，或被判为错误时间源）。
    }{ $again ->
        [none] 粘贴中后面没有显示它恢复。
       *[other] 之后它又选择了 { $again }：那是一时的丢失，不是现在的状态。
    }
finding-log-keyfile = chronyd 打不开它的密钥文件 { $path }（“Could not open keyfile”）：文件不存在或 chronyd 无权读取，所以其中的密钥都未知{ $keys ->
        [none] {""}
       *[other] （chronyd 因此记录了“Key { $keys } is missing”）
    }，每个用“key N”的时间源都认证失败。创建含有这些密钥的文件，或改正“keyfile”指令的路径。
finding-log-key-missing = chronyd 记录了“Key { $key } is missing”：某个时间源使用“key { $key }”，而密钥文件中没有这个密钥。把它加入“keyfile”指令指定的文件，类型和值与服务器上相同。
finding-log-kod-rate = { $source } 发来了 RATE 死亡之吻（“Received KoD RATE”）：该服务器对这个客户端限速。降低轮询频率（提高“minpoll”，不用“burst”），或请它的管理员放宽“ratelimit”。
finding-log-wrong-by = chronyd 记录了“System clock wrong by { $value } seconds”：时钟与时间源相差这么多。
finding-log-replaced = chronyd 把时间源 { $old } 换成了 { $new }（“Source … replaced with …”）：池或域名解析到了新地址。
finding-log-no-suitable = chronyd 记录了“No suitable source for synchronisation”：当时没有可用的时间源。
finding-log-time-jump = chronyd 发现时钟{ $direction ->
        [forward] 向前
       *[backward] 向后
    }跳变（“time jump detected”）：别的东西设置了时钟（另一个时间服务、虚拟机的宿主机或有人手动设置）；它重新测量了时间源。
finding-log-cannot-write = chronyd 无法{ $what ->
        [directory] 创建目录
       *[file] 打开
    } { $path }：它要写在那里的内容（频率漂移、日志或转储）没有保存。检查目录是否存在、chronyd 的用户能否写入（“driftfile”、“logdir”、“dumpdir”）。
finding-log-nts-ke-failed = chronyd 的 NTS 密钥协商失败（“{ $server }”）：该时间源拿不到密钥，在成功之前不发送请求。检查 TCP 4460 能否到达服务器，以及它的证书是否受信任且未过期。
finding-chronyd-not-started = chronyc 无法与 chronyd 通信（“{ $reply }”），因为 chronyd 没有启动：粘贴的日志写着“Fatal error : { $message }”。改正那一行，然后重新启动 chronyd。
finding-log-restarted = 粘贴的日志中 chronyd { $version } 启动了 { $count } 次：它被重启过（“chronyd exiting”之后又“starting”）。
finding-packet-loss-by-kod-rate = { $sources }：部分轮询没有应答，粘贴中 chronyd 的日志说明了原因：{ $rated } 发来了 RATE 死亡之吻（“Received KoD RATE”），即该服务器对本客户端限速。降低轮询频率（调大“minpoll”，不用“burst”），或请它的管理员放宽“ratelimit”。
finding-key-missing-by-keyfile-missing = { $sources } 使用密钥 { $key }，而 chronyd 没有密钥 { $key }，因为它打不开密钥文件 { $keyfile }（粘贴中 chronyd 的日志：“Could not open keyfile”）。chronyd 不向该时间源发送请求。创建这个文件并写入密钥 { $key }（类型和值与服务器相同），或改正“keyfile”指令的路径，然后重启 chronyd。
finding-not-synchronised-by-keyfile-missing = 未同步（参考 ID 00000000）：{ $sources } 从未应答，因为 chronyd 不向它发送请求：它使用密钥 { $key }，而 chronyd 打不开密钥文件 { $keyfile }（粘贴中的“Could not open keyfile”）。创建这个文件并写入密钥，或改正“keyfile”指令的路径，然后重启 chronyd。
finding-no-upstream-reachable-by-keyfile-missing = 没有时间源应答（可达性全为 0），因为 chronyd 不向 { $sources } 发送请求：它使用密钥 { $key }，而 chronyd 打不开密钥文件 { $keyfile }（粘贴中的“Could not open keyfile”）。创建这个文件并写入密钥，或改正“keyfile”指令的路径，然后重启 chronyd。
finding-some-unreachable-by-keyfile-missing = { $count } 个时间源从未应答（可达性 0）：{ $sources }，因为 chronyd 不向{ $count ->
        [1] 它
       *[other] 它们
    }发送请求：密钥 { $key } 未知，因为 chronyd 打不开密钥文件 { $keyfile }（粘贴中的“Could not open keyfile”）。创建这个文件并写入密钥，或改正“keyfile”指令的路径，然后重启 chronyd。
finding-never-answered-by-keyfile-missing = { $sources } 从未应答，因为 chronyd 不向它发送请求：密钥 { $key } 未知，因为 chronyd 打不开密钥文件 { $keyfile }（粘贴中的“Could not open keyfile”）。服务器、访问规则和防火墙都没有问题。创建这个文件并写入密钥，或改正“keyfile”指令的路径，然后重启 chronyd。
kind-ntpq-kerninfo = ntpq -c kerninfo（内核的时钟调节变量）
field-maximum-error = 内核估计的时钟最大误差（ntp_adjtime maxerror）：无人调节时钟时它会增长；达到 16 秒时内核把时钟标为未同步。
label-maximum-error = 最大误差
field-estimated-error = 内核的时钟估计误差（ntp_adjtime esterror），由 ntpd 设置。
label-estimated-error = 估计误差
field-kernel-status = 内核的时钟状态位（ntp_adjtime status）：pll 或 fll 是所用的调节方式，pps 表示 PPS 信号，unsync 表示时钟未同步（STA_UNSYNC）。
label-kernel-status = 内核状态
field-pll-time-constant = 内核环路的时间常数（ntp_adjtime constant）：ntpd 按其轮询间隔设置。
label-pll-time-constant = PLL 时间常数
field-frequency-tolerance = 内核能校正的最大频率误差，单位 ppm（Linux 和 BSD 为 500）。
label-frequency-tolerance = 频率容限
meaning-ntpq-kerninfo-offset = 内核仍需慢慢调整掉的偏差（pll offset，未标单位时为毫秒）。
meaning-ntpq-kerninfo-frequency = 内核施加的频率校正（pll frequency，ppm）；达到 ±500 ppm 时无法再多校正。
meaning-ntpq-kerninfo-status-word = ntpd 的系统状态字：第一个词是闰秒指示，leap_alarm 表示未同步。
why-kernel-unsync = 内核把时钟标为未同步（unsync，STA_UNSYNC）
why-kernel-max-error-limit = { $value }：已达内核上限（16 秒），说明时钟很久没有被调节
finding-not-synchronised-ntpq-kerninfo = 内核时钟未同步：其状态为 unsync（STA_UNSYNC）、最大误差已达 16 秒上限，或 ntpd 的状态字为 leap_alarm。ntpd 没有在调节时钟：用“ntpq -p”查看服务器是否应答、选中了哪一个（*）；检查 UDP 123 和“restrict”是否放行它们的应答。如果还运行着其他程序（chronyd、systemd-timesyncd），只能由其中一个调节时钟。
finding-source-offset-large-ntpq-kerninfo = 内核仍需从时钟中慢慢调整掉 { $value }（pll offset）：ntpd 交给它的校正很大。时钟此刻就偏差这么多；ntpd 本会自行步进超过 128 毫秒的偏差（“tinker step”），因此较大的 pll offset 一直存在，说明步进被禁用（ntpd -x）或另有程序也在调整时钟。
finding-frequency-limit-ntpq-kerninfo = 内核的频率校正为 { $ppm } ppm，已是其能施加的最大值（频率容限 500 ppm；ntptime(8)：-500 .. 500）：时钟漂移超出内核的校正能力，偏差会不断增大。可能另有程序也在调节时钟（chronyd、systemd-timesyncd、adjtimex），硬件时钟源损坏，或虚拟机缺少稳定的时钟：停止其他时间服务，并检查时钟源（/sys/devices/system/clocksource）。
finding-frequency-high-ntpq-kerninfo = 内核的频率校正为 { $ppm } ppm，超过正常时钟的 ±100 ppm 范围：振荡器故障、虚拟机时钟，或另有程序也在调整时钟。请确保只有 ntpd 调节它。
meaning-ntpq-kerninfo-precision = 内核时钟的精度（未标单位时为毫秒；1e-06 毫秒即 1 纳秒）。
kind-nxos-show-ntp-statistics-local = 思科 NX-OS show ntp statistics local（设备的 NTP 报文计数）
kind-nxos-show-ntp-statistics-peer = 思科 NX-OS show ntp statistics peer（单个服务器的报文计数）
field-packets-processed = 自计数器清零以来设备处理的 NTP 报文数。
label-packets-processed = 已处理报文
field-bad-packet-format = 因不是有效 NTP 报文而丢弃的报文数。
label-bad-packet-format = 报文格式错误
field-bad-authentication = 已到达但未通过认证检查的报文数（密钥 ID 或密钥不同，或没有为其配置密钥）。
label-bad-authentication = 认证失败
field-bogus-origin = 起始时间戳与本设备任何请求都不匹配的应答数（重放、重复或伪造的报文）。
label-bogus-origin = 起始时间戳不符
field-packets-sent = 设备发给此服务器的请求数。
label-packets-sent = 已发送报文
field-packets-received = 设备从此服务器收到的应答数。
label-packets-received = 已接收报文
meaning-nxos-show-ntp-statistics-peer-address = 这些计数所属的服务器（remote host）。
why-auth-bad-count = { $total } 个报文中有 { $value } 个未通过认证
finding-auth-failing-nxos-show-ntp-statistics-local = 此设备处理的 { $total } 个 NTP 报文中有 { $value } 个未通过认证（bad authentication）：报文已到达，但密钥不同。请比对两端的密钥（NX-OS 的“ntp authentication-key N md5 …”、“ntp trusted-key N”以及 server 行中的“key N”，与服务器密钥文件中的应为相同的 ID、类型和密钥）；“show ntp statistics peer ipaddr ADDRESS”可看出是哪个服务器的报文失败。
finding-auth-failing-nxos-show-ntp-statistics-peer = 来自 { $sources } 的报文未通过认证（收到的 { $total } 个中有 { $value } 个）：报文已到达，但密钥不同。请比对两端的密钥（NX-OS 的“ntp authentication-key N md5 …”、“ntp trusted-key N”以及 server 行中的“key N”，与服务器密钥文件中的应为相同的 ID、类型和密钥）。
kind-ntp-service-trace = 华为 VRP / H3C Comware display ntp-service trace（直到参考时钟的服务器链）
field-synch-distance = 这一跳到参考时钟的同步距离（由往返延迟和离散度算出，单位秒）：其时间可能偏差的范围；NTP 优先选择距离最短的服务器。
label-synch-distance = 同步距离
kind-nxos-show-ntp-authentication-status = 思科 NX-OS show ntp authentication-status（NTP 认证是否开启）
field-authentication-status = 交换机是否检查 NTP 报文的密钥（“ntp authenticate”）。
label-authentication-status = 认证
finding-trace-chain = 从本设备开始的 { $hops } 个服务器组成的链止于 { $sources }（层级 { $stratum }），其参考源为 { $reference }：设备的时间来自参考时钟。
finding-follows-local-clock-ntp-service-trace = 这条链止于 { $sources }（层级 { $stratum }），它提供的是自己的本地时钟（参考源 { $reference }，即本地时钟驱动 127.127.1.0 或 LOCL）：链上没有任何一跳连到参考时钟，设备的时间随该服务器一起漂移。隔离的实验环境可以这样；否则请给 { $sources } 配置真正的上游服务器或参考时钟，并去掉其本地时钟（华为和 H3C 设备上为“ntp-service refclock-master”，ntpd 上为“server 127.127.1.0”）。
finding-upstream-unsynchronised-ntp-service-trace = 链上的 { $sources } 处于层级 16，未同步：它下面的服务器和本设备都无法跟随它。请先修好该服务器（它自己的 NTP 状态会说明原因）。
finding-dispersion-high-ntp-service-trace = { $sources } 的同步距离为 { $value }：其时间可能与参考时钟相差这么多。该服务器离参考源很远，或其参考源不可靠；更近或层级更低的服务器更合适。
finding-source-offset-large-ntp-service-trace = 链上 { $sources } 的偏差较大（{ $value }）：每行的偏差是这一跳相对其上一级服务器的。偏差这么大的一跳有误，或到其服务器的路径不对称。
finding-nxos-authentication-status = 交换机报告 NTP 认证是否开启（“ntp authenticate”）：只有开启时，server 行上的密钥才起作用。
finding-nxos-authentication-status-by-disabled = NTP 认证已关闭（Authentication disabled）：交换机从服务器取时间时不检查密钥，“ntp server”行上的“key N”不起作用。这是默认设置，不是故障。若要求密钥，请配置“ntp authentication-key N md5 SECRET”、“ntp trusted-key N”以及每个 server 行上的“key N”，然后配置“ntp authenticate”。
finding-nxos-authentication-status-by-enabled = NTP 认证已开启（Authentication enabled）：交换机只跟随报文带有受信任密钥（“ntp trusted-key N”）且与其“ntp authentication-key N”相符的服务器；没有密钥或密钥不同的服务器不会被使用。“show ntp peer-status”显示跟随了哪些服务器，“show ntp statistics peer ipaddr ADDRESS”统计未通过认证的报文。
finding-stratum-high-by-not-selected = { $sources } 处于层级 { $value }，已是服务器能有的最高层级，但本机没有跟随{ $count ->
        [1] 它
       *[other] 它们
    }：只有选中的时间源（*）决定本机的层级（其层级加 1；chronyc(1) tracking：“距离连接参考时钟的计算机的跳数”）。只有当{ $count ->
        [1] 它
       *[other] 其中之一
    }被选中时，本机才会处于层级 16，而其客户端会把层级 16 当作未同步而拒绝。同步环路或“local stratum”很高的上游会攀升到这里。
meaning-ntp-service-trace-reference = 链上最后一个服务器的参考源（refid）：一个地址、参考时钟的名称（GPS），或表示服务器自身本地时钟的 127.127.1.0 或 LOCL。
meaning-ntp-service-trace-offset = 这一跳相对链上其上一级服务器的偏差（华为：秒）；越小越好。
finding-not-synchronised-ntp-service-trace = 这条链止于 { $sources }，没有参考源（refid { $reference }）：该服务器未同步，本设备因此也未同步。请先修好该服务器：它自己的 NTP 状态会说明原因（其上游没有应答，或它没有参考时钟）。
