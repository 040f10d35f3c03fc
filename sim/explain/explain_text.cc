#include "sim/explain/explain_text.h"

#include <algorithm>
#include <iterator>
#include <tuple>

namespace dupsim {
namespace {

constexpr std::string_view kGlossed[] = {"none",
                                         "client_debounce",
                                         "idempotency_key",
                                         "idempotency_key_per_attempt",
                                         "disable_until_response",
                                         "fingerprint_window",
                                         "order_id",
                                         "reconcile_and_refund",
                                         "query_before_retry",
                                         "confirm_on_repeat",
                                         "two_step_confirmation",
                                         "inbox_dedup",
                                         "risk_score"};
static_assert(std::size(kGlossed) == std::tuple_size_v<decltype(ExplainText::strategy_gloss)>);

// Designated initialisers in declaration order: the compiler keeps each table in step with
// the struct, and the test of the tables finds any entry left empty.
constexpr ExplainText kEnglish{
    .tag = "en",
    .lane = {"User", "App", "Network", "Load balancer", "Server", "Key store", "Ledger",
             "Confirmation", "Back office"},
    .lane_short = {"User", "App", "Net", "LB", "Server", "Keys", "Ledger", "Confirm", "Refunds"},
    .duration_units = {.milliseconds = " ms", .seconds = " s", .minutes = " min", .hours = " h"},
    .response_status = {"200 OK", "503 shed", "504 gateway timeout", "declined", "409 conflict"},
    .payment_status = {"charged", "not found", "unknown (the query failed)"},
    .from_second_tap = " (tap 2)",
    .from_page = " (page {page})",
    .from_scam_page = " (scammer's page)",
    .tap = "taps Pay",
    .tap_again = "taps Pay again",
    .confirm_tap = "taps Confirm",
    .confirm_tap_again = "taps Confirm again",
    .patience_over = "no confirmation after {wait}",
    .pay_again = "opens checkout page {page}",
    .status_lookup = "looks the payment up",
    .status_answer = "answer: {status}",
    .scammed = "a scammer talks the user into paying again",
    .told_paid = "learns the payment went through",
    .tap_swallowed = "ignores the tap",
    .tap_blocked = "refuses the tap as a likely repeat",
    .prompt_shown = "asks \u201cPay again?\u201d",
    .prompt_yes = "answers yes",
    .prompt_no = "answers no",
    .review_shown = "shows the review screen",
    .review_left = "leaves the review screen",
    .attempt_sent = "attempt {attempt}{from}",
    .attempt_timed_out = "attempt {attempt} times out after {wait}",
    .response = "{status} for attempt {attempt}{from}",
    .late_response = "{status} for attempt {attempt}{from}: too late, discarded",
    .answered_response = "{status} for attempt {attempt}{from} again: already answered, discarded",
    .retry_wait = "waits {wait}, then retries",
    .gave_up = "gives up after {attempt} attempts",
    .show_success = "shows \u201cpaid\u201d",
    .show_processing = "shows \u201cprocessing\u201d, not \u201cpaid\u201d",
    .app_status_query = "asks whether it was charged",
    .app_status_answer = "answer: {status}",
    .request_lost = "\u2717 attempt {attempt}{from} lost",
    .response_lost = "\u2717 response to attempt {attempt}{from} lost",
    .cut_by_partition = " (partition)",
    .request_copied = "delivers attempt {attempt} twice",
    .response_copied = "delivers the response to attempt {attempt} twice",
    .request_held = "holds attempt {attempt} back {wait}",
    .response_held = "holds the response to attempt {attempt} back {wait}",
    .proxy_try = "forwards attempt {attempt}",
    .proxy_retry = "retries attempt {attempt} on another replica",
    .gateway_timeout = "504 gateway timeout",
    .balancer_drops = "drops the {status}: it gave up on that try",
    .request_arrived = "attempt {attempt}{from}",
    .copy_arrived = "copy of attempt {attempt}{from}",
    .request_shed = "queue full: sheds attempt {attempt}",
    .request_refused = "replica down: attempt {attempt} refused, no reply",
    .admission = {"new key: charge", "key in flight: wait for the first",
                  "key seen: replay the first result", "declined as a likely duplicate",
                  "key in flight: 409"},
    .dedup_miss = {"", "key expired: charge again", "key not replicated here yet: charge",
                   "checked before the first inserted: charge"},
    .committed = "commit",
    .committed_then_crash = "commit, then crash before replying",
    .charge = "charge {ordinal}",
    .duplicate_charge = "DUPLICATE charge {ordinal}: {cause}",
    .queue_redelivered = "the queue delivers the charge again (delivery {delivery})",
    .queue_redelivery_dropped =
        "the queue delivers the charge again (delivery {delivery}): the inbox drops it",
    .replied = "{status}",
    .replayed = "{status} (replayed)",
    .killed = "the replica crashes with attempt {attempt} inside",
    .refunded = "refunds charge {ordinal}",
    .notification_sent = "\u201cyou paid\u201d",
    .notification_lost = "\u2717 notification lost",
    .notification_delivered = "\u201cyou paid\u201d",
    .notification_ignored = "\u201cyou paid\u201d again (ignored)",
    .cause = {"double_tap", "client_retry", "user_repay_no_confirmation", "network_duplicate",
              "key_expired", "crash_replay", "proxy_retry", "fraud_induced", "replication_lag",
              "concurrent_in_flight", "queue_redelivery"},
    .narrative =
        {
            // double_tap
            "The user tapped Pay, then tapped it again {tap_gap} later, while the first request "
            "was still in flight. The page was still live, so the app sent the second tap as a "
            "payment of its own. The server had no way to tell the two requests apart and "
            "charged both: at {first_at} and at {dup_at}.",
            // client_retry
            "Attempt {first_attempt} reached the server at {arrived_at}. But {fate}. The app "
            "waited {backoff} and sent attempt {dup_attempt}; the server had no way to tell the "
            "retry from a new payment and charged both: at {first_at} and at {dup_at}.",
            // user_repay_no_confirmation
            "The first payment went through at {first_at}, but {confirmation}{processing}. "
            "After {patience} without a confirmation the user gave up waiting and paid again on "
            "a new checkout page, which comes with a new idempotency key.{lookup} To the server "
            "it was a new payment, and it charged again at {dup_at}.",
            // network_duplicate
            "The network delivered attempt {dup_attempt} twice: the original and a copy reached "
            "the server {copy_gap} apart. The server took each for a payment of its own and "
            "charged both, at {first_at} and at {dup_at}. Nothing on the phone repeated "
            "anything; only a server that recognises the request by its idempotency key stops "
            "this.",
            // key_expired
            "{repeat} reached the server {arrival_gap} after the first request, by which time the "
            "server had forgotten the idempotency key: its time to live had run out. The key store "
            "took "
            "the repeat for a new payment, and the server charged again at {dup_at}.",
            // crash_replay
            "The server committed the charge for attempt {first_attempt} at {first_at}, then its "
            "replica crashed before replying. With no answer, the app timed out after {timeout}, "
            "waited {backoff} and sent attempt {dup_attempt}. Nothing told the server that the "
            "payment had been charged already, so it charged again at {dup_at}.",
            // proxy_retry
            "The load balancer forwarded attempt {dup_attempt} to a replica and, with no answer "
            "within its per-try timeout, retried the POST on another replica {try_gap} later. "
            "Both replicas charged it: at {first_at} and at {dup_at}. The app had sent one "
            "request; the proxy made it two.",
            // fraud_induced
            "The payment went through at {first_at} and the user learned it at {told_at}. At "
            "{scam_at} a scammer talked them into paying again, and the new payment, on a new "
            "page with a new key, was charged at {dup_at}. No dedup can tell this from a payment "
            "the user means: it takes fraud detection, not deduplication.",
            // replication_lag
            "{repeat} reached the server {arrival_gap} after the first request, on a replica whose "
            "key store had not yet received the key claimed on another replica. Seeing no key, it "
            "charged again at {dup_at}. The key existed; it had just not arrived where it was "
            "needed.",
            // concurrent_in_flight
            "{repeat} reached the server while the first request was still being processed. "
            "Both checked the key store before either had inserted the key (check-then-insert), "
            "so both were let through and charged: at {first_at} and at {dup_at}. Claiming the "
            "key atomically (insert if absent) closes this gap.",
            // queue_redelivery
            "The server committed the charge once, at {commit_at}, and handed it to the ledger "
            "writer's queue. The consumer died before acknowledging it, so the queue delivered "
            "the command again (delivery {delivery}) and the ledger wrote the charge a second "
            "time at {dup_at}. Upstream everything worked; only a consumer that remembers the "
            "messages it has handled (an inbox) stops this.",
        },
    .fate_lost =
        "the response was lost on the way back, and after {timeout} without an answer the app "
        "timed out",
    .fate_late =
        "the response took longer than the app's {timeout} timeout and was discarded when it came",
    .fate_gateway =
        "the load balancer gave up waiting and answered 504, which the app took for a failure",
    .fate_unknown = "no answer reached the app within its {timeout} timeout",
    .confirmation_lost = "the \u201cyou paid\u201d notification was lost",
    .confirmation_late = "the \u201cyou paid\u201d notification only arrived at {notified_at}",
    .confirmation_none = "the user was never told",
    .app_said_processing = ", and the app had only shown \u201cprocessing\u201d",
    .lookup_said =
        " Looking the payment up first did not help: the answer was \u201c{status}\u201d.",
    .repeat_tap = "A second tap",
    .repeat_retry = "A retry (attempt {dup_attempt})",
    .repeat_page = "A payment on a new checkout page",
    .repeat_copy = "A network copy of the request",
    .repeat_other = "A repeat of the request",
    .prevented_by = "Replayed with the same seed, {strategies} would have prevented it.",
    .prevented_by_none =
        "Replayed with the same seed, none of the other strategies would have prevented it.",
    .list_separator = ", ",
    .sentence_gap = " ",
    .title = "{scenario} under {strategy}: intent {intent} charged {charges} times ({cause})",
    .subtitle =
        "seed {seed}, {intents} intents; duplicated intent {nth} of {count}; times from its "
        "first tap",
    .subtitle_cause =
        "seed {seed}, {intents} intents; intent {nth} of {count} first duplicated by {cause}; "
        "times from its first tap",
    .legend = "--> message   ~~> late, discarded   \u2717 lost   $ charge   ! trouble   * note",
    .diagram_heading = "What happened",
    .why_heading = "Why it was charged twice",
    .counterfactual_heading = "Under the other strategies (same seed, same intents)",
    .counterfactual_note =
        "prevented: this intent charged at most once. The other figures are the whole run's; "
        "extra p50 is the time to confirmation against the explained run's.",
    .column_strategy = "strategy",
    .column_this_intent = "this intent",
    .column_prevented = "prevented",
    .column_dup_rate = "dup rate",
    .column_false_blocks = "false blocks",
    .column_prompts = "prompts",
    .column_extra_p50 = "extra p50",
    .charged_times = "charged {n}\u00d7",
    .extra_time_unit = "ms",
    .refunded_some = ", {n} refunded",
    .verdict_explained = "(explained)",
    .verdict_prevented = "yes",
    .verdict_not_prevented = "no",
    .verdict_never_charged = "yes, never charged",
    .absent = "\u2014",
    .strategy_gloss = {"no dedup", "client debounce", "idempotency key",
                       "a new idempotency key per attempt", "button disabled until the response",
                       "content fingerprint window", "order number", "reconcile and refund",
                       "status query before retrying", "\u201cpay again?\u201d prompt on a repeat",
                       "two-step confirmation", "consumer inbox", "risk score"},
    .strategy_shown = "{strategy}",
};

// Natural Chinese as payment teams write it: 重复扣款, 幂等键, 超时重试, 对账退款.
// Quotation marks are 「」, which every terminal draws two columns wide like the text.
constexpr ExplainText kChinese{
    .tag = "zh-Hans",
    .lane = {"用户", "客户端", "网络", "负载均衡", "支付服务", "幂等键存储", "账本", "支付通知",
             "对账后台"},
    .lane_short = {"用户", "客户端", "网络", "负载均衡", "服务端", "幂等键", "账本", "通知",
                   "对账"},
    .duration_units = {.milliseconds = " 毫秒",
                       .seconds = " 秒",
                       .minutes = " 分钟",
                       .hours = " 小时"},
    .response_status = {"200 成功", "503 限流拒绝", "504 网关超时", "疑似重复被拒", "409 冲突"},
    .payment_status = {"已扣款", "未找到", "未知（查询失败）"},
    .from_second_tap = "（第二次点击）",
    .from_page = "（第 {page} 个支付页）",
    .from_scam_page = "（骗子诱导的支付页）",
    .tap = "点击支付",
    .tap_again = "再次点击支付",
    .confirm_tap = "点击确认",
    .confirm_tap_again = "再次点击确认",
    .patience_over = "等了 {wait}仍未收到确认",
    .pay_again = "打开第 {page} 个支付页",
    .status_lookup = "查询支付状态",
    .status_answer = "查询结果：{status}",
    .scammed = "骗子诱导用户再付一次",
    .told_paid = "得知支付成功",
    .tap_swallowed = "忽略这次点击",
    .tap_blocked = "疑似重复，拒绝这次点击",
    .prompt_shown = "询问「要再付一次吗？」",
    .prompt_yes = "回答「是」",
    .prompt_no = "回答「否」",
    .review_shown = "显示确认页",
    .review_left = "离开确认页",
    .attempt_sent = "第 {attempt} 次请求{from}",
    .attempt_timed_out = "第 {attempt} 次请求 {wait}后超时",
    .response = "{status}：第 {attempt} 次请求{from}",
    .late_response = "{status}：第 {attempt} 次请求{from}，来得太晚，被丢弃",
    .answered_response = "{status}：第 {attempt} 次请求{from}的重复响应，已应答过，被丢弃",
    .retry_wait = "等待 {wait}后重试",
    .gave_up = "尝试 {attempt} 次后放弃",
    .show_success = "显示「支付成功」",
    .show_processing = "显示「处理中」，而非「支付成功」",
    .app_status_query = "查询是否已扣款",
    .app_status_answer = "查询结果：{status}",
    .request_lost = "\u2717 第 {attempt} 次请求{from}丢失",
    .response_lost = "\u2717 第 {attempt} 次请求{from}的响应丢失",
    .cut_by_partition = "（网络分区）",
    .request_copied = "第 {attempt} 次请求被重复投递",
    .response_copied = "第 {attempt} 次请求的响应被重复投递",
    .request_held = "第 {attempt} 次请求被网络滞留 {wait}",
    .response_held = "第 {attempt} 次请求的响应被网络滞留 {wait}",
    .proxy_try = "转发第 {attempt} 次请求",
    .proxy_retry = "在另一副本上重试第 {attempt} 次请求",
    .gateway_timeout = "504 网关超时",
    .balancer_drops = "丢弃{status}：这次转发已被放弃",
    .request_arrived = "第 {attempt} 次请求{from}",
    .copy_arrived = "第 {attempt} 次请求{from}的副本",
    .request_shed = "队列已满，拒绝第 {attempt} 次请求",
    .request_refused = "副本宕机，第 {attempt} 次请求连接被拒，没有回复",
    .admission = {"新键：扣款", "键处理中：等待首个请求", "键已存在：返回首次结果",
                  "疑似重复：拒绝", "键处理中：返回 409"},
    .dedup_miss = {"", "幂等键已过期：再次扣款", "幂等键尚未复制到本副本：扣款",
                   "先查后写竞态：扣款"},
    .committed = "提交扣款",
    .committed_then_crash = "提交扣款后宕机，未及回复",
    .charge = "第 {ordinal} 笔扣款",
    .duplicate_charge = "重复扣款（第 {ordinal} 笔）：{cause}",
    .queue_redelivered = "队列再次投递扣款指令（第 {delivery} 次）",
    .queue_redelivery_dropped = "队列再次投递扣款指令（第 {delivery} 次），收件箱认出后丢弃",
    .replied = "{status}",
    .replayed = "{status}（重放首次结果）",
    .killed = "副本宕机，第 {attempt} 次请求随之中断",
    .refunded = "对账退款：第 {ordinal} 笔",
    .notification_sent = "「支付成功」通知",
    .notification_lost = "\u2717 通知丢失",
    .notification_delivered = "「支付成功」通知",
    .notification_ignored = "重复通知（已忽略）",
    .cause = {"双击", "超时重试", "未收到确认后重新支付", "网络重复投递", "幂等键过期",
              "提交后宕机重试", "代理重试", "诈骗诱导再次支付", "复制延迟", "先查后写竞态",
              "消息队列重复投递"},
    .narrative =
        {
            // double_tap
            "用户点击支付后，过了 {tap_gap}又点了一次，而第一次请求还在路上。页面仍可点击，"
            "客户端把第二次点击当作一笔新的支付发了出去。服务端无法区分这两个请求，两笔都扣了款："
            "{first_at} 一次，{dup_at} 又一次。",
            // client_retry
            "第 {first_attempt} 次请求在 {arrived_at} 到达服务端。但{fate}。客户端等待 {backoff}后"
            "发出第 {dup_attempt} 次请求；服务端无法分辨这是重试还是一笔新支付，两次都扣了款："
            "{first_at} 和 {dup_at}。",
            // user_repay_no_confirmation
            "第一笔支付在 {first_at} 已经成功，但{confirmation}{processing}。用户等了 "
            "{patience}仍未收到确认，"
            "放弃等待，在新的支付页上重新支付，而新支付页带着新的幂等键。{lookup}"
            "对服务端来说这是一笔新支付，于是在 {dup_at} 再次扣款。",
            // network_duplicate
            "网络把第 {dup_attempt} 次请求投递了两次：原请求和副本相隔 {copy_gap}到达服务端。"
            "服务端把两者都当作独立的支付，分别在 {first_at} 和 {dup_at} 扣款。"
            "手机上没有任何重复操作；只有能凭幂等键认出同一请求的服务端才能挡住这种重复。",
            // key_expired
            "{repeat}比首个请求晚 "
            "{arrival_gap}到达服务端，而此时服务端已经忘了这个幂等键：它的有效期已过。"
            "幂等键存储把这次重复当作新支付，服务端在 {dup_at} 再次扣款。",
            // crash_replay
            "服务端在 {first_at} 提交了第 {first_attempt} 次请求的扣款，随后副本在回复前宕机。"
            "客户端收不到应答，{timeout}后超时，等待 {backoff}后发出第 {dup_attempt} 次请求。"
            "没有任何信息告诉服务端这笔款已经扣过，于是在 {dup_at} 再次扣款。",
            // proxy_retry
            "负载均衡把第 {dup_attempt} 次请求转发给一个副本，在单次超时内没等到应答，"
            "{try_gap}后又把这个 POST 请求重试到另一个副本。两个副本都扣了款：{first_at} 和 "
            "{dup_at}。客户端只发了一个请求，是代理把它变成了两个。",
            // fraud_induced
            "这笔支付在 {first_at} 成功，用户在 {told_at} 得知。{scam_at} 骗子诱导用户再付一次，"
            "这笔新支付（新页面、新幂等键）在 {dup_at} "
            "扣款。去重机制无法把它和用户真心要付的款区分开："
            "这要靠反欺诈，而不是去重。",
            // replication_lag
            "{repeat}比首个请求晚 {arrival_gap}到达服务端，却落在另一个副本上，"
            "而首个请求在别的副本上登记的幂等键还没有复制过来。这个副本查不到键，于是在 {dup_at} "
            "再次扣款。键其实存在，只是还没到需要它的地方。",
            // concurrent_in_flight
            "{repeat}到达服务端时，第一个请求还在处理中。两个请求都在对方写入幂等键之前查询了键存储"
            "（先查后写），于是都被放行并扣款：{first_at} 和 {dup_at}。"
            "用原子操作占用幂等键（不存在才写入）就能堵上这个缺口。",
            // queue_redelivery
            "服务端只提交了一次扣款（{commit_at}），交给账本写入队列。消费者在确认之前挂掉了，"
            "队列再次投递了这条指令（第 {delivery} 次投递），账本在 {dup_at} 又记了一笔。"
            "上游一切正常；只有记住已处理消息的消费者（收件箱去重）才能挡住这种重复。",
        },
    .fate_lost = "响应在返回途中丢失，客户端等了 {timeout}没有收到应答，判定超时",
    .fate_late = "响应比客户端的 {timeout}超时还慢，到达时已被丢弃",
    .fate_gateway = "负载均衡等不到应答，返回了 504，客户端当作失败处理",
    .fate_unknown = "客户端在 {timeout}的超时之内没有收到任何应答",
    .confirmation_lost = "「支付成功」通知丢失了",
    .confirmation_late = "「支付成功」通知直到 {notified_at} 才到",
    .confirmation_none = "用户始终没有收到通知",
    .app_said_processing = "，客户端也只显示了「处理中」",
    .lookup_said = "先查了一下支付状态也没用：查询结果是「{status}」。",
    .repeat_tap = "第二次点击",
    .repeat_retry = "第 {dup_attempt} 次请求（重试）",
    .repeat_page = "新支付页上的支付",
    .repeat_copy = "网络复制出的请求副本",
    .repeat_other = "重复的请求",
    .prevented_by = "用同一随机种子重放，{strategies}可以避免这次重复扣款。",
    .prevented_by_none = "用同一随机种子重放，其他策略都无法避免这次重复扣款。",
    .list_separator = "、",
    .sentence_gap = "",
    .title = "{scenario}，策略 {strategy}：支付意图 {intent} 被扣款 {charges} 次（{cause}）",
    .subtitle =
        "随机种子 {seed}，共 {intents} 笔支付意图；{count} 笔被重复扣款的支付意图中的第 {nth} "
        "笔；时间从首次点击算起",
    .subtitle_cause =
        "随机种子 {seed}，共 {intents} 笔支付意图；首次重复原因为「{cause}」的 {count} "
        "笔中的第 {nth} 笔；时间从首次点击算起",
    .legend = "--> 消息   ~~> 迟到被丢弃   \u2717 丢失   $ 扣款   ! 异常   * 备注",
    .diagram_heading = "经过",
    .why_heading = "为什么会重复扣款",
    .counterfactual_heading = "换一种策略会怎样（同一随机种子、同一批支付）",
    .counterfactual_note =
        "已避免：这笔支付最多只扣款一次。其余数字是整次运行的；确认延迟（p50）是与本例策略相比多花"
        "的时间。",
    .column_strategy = "策略",
    .column_this_intent = "这笔支付",
    .column_prevented = "已避免",
    .column_dup_rate = "重复率",
    .column_false_blocks = "误拦截",
    .column_prompts = "弹窗",
    .column_extra_p50 = "确认延迟（p50）",
    .charged_times = "扣款 {n} 次",
    .extra_time_unit = " 毫秒",
    .refunded_some = "，退款 {n} 笔",
    .verdict_explained = "（本例）",
    .verdict_prevented = "是",
    .verdict_not_prevented = "否",
    .verdict_never_charged = "是，但未扣款",
    .absent = "\u2014",
    .strategy_gloss = {"不去重", "客户端防抖", "幂等键", "每次请求换新幂等键", "响应前禁用按钮",
                       "内容指纹去重窗口", "订单号去重", "对账退款", "重试前查询状态",
                       "重复支付弹窗确认", "两步确认", "收件箱去重", "风险评分拦截"},
    .strategy_shown = "{strategy}（{gloss}）",
};

}  // namespace

const ExplainText& ExplainTextFor(ExplainLanguage language) {
  return language == ExplainLanguage::kChinese ? kChinese : kEnglish;
}

std::span<const std::string_view> GlossedStrategies() {
  return kGlossed;
}

std::string StrategyShown(std::string_view label, const ExplainText& text) {
  // The name is the label up to its parameters: "client_debounce(window=1s)".
  const std::string_view name = label.substr(0, label.find('('));
  for (std::size_t i = 0; i < std::size(kGlossed); ++i) {
    if (kGlossed[i] == name) {
      return Fill(text.strategy_shown, {{"strategy", std::string(label)},
                                        {"gloss", std::string(text.strategy_gloss[i])}});
    }
  }
  return std::string(label);
}

std::string Fill(std::string_view pattern,
                 std::initializer_list<std::pair<std::string_view, std::string>> figures) {
  std::string out;
  out.reserve(pattern.size() + 32);
  std::size_t i = 0;
  while (i < pattern.size()) {
    const std::size_t open = pattern.find('{', i);
    const std::size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
    if (close == std::string_view::npos) {
      out += pattern.substr(i);
      break;
    }
    out += pattern.substr(i, open - i);
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    const auto* figure = std::find_if(figures.begin(), figures.end(),
                                      [&](const auto& f) { return f.first == name; });
    if (figure == figures.end()) {
      out += pattern.substr(open, close - open + 1);
    } else {
      out += figure->second;
    }
    i = close + 1;
  }
  return out;
}

}  // namespace dupsim
