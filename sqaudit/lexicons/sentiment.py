"""How a customer feels, word by word: positive and negative service language, en and zh.

Two strengths each way. ``strong_*`` words count 2 (anger, disgust, delight), the others 1;
``failure`` lists service failures told as facts ("never arrived", "扣了两次"), which count -1.
Written for contact-centre talk: "problem", "issue", "refund" and "cancel" are neutral here
(customers name what they need), so they are not listed; "thanks" is positive, because in a
service conversation it is how a satisfied customer closes. Phrases that begin with their own
negation ("not happy", "不满意") are listed as negative; a positive word right after a
negation ("not good") is dropped by the matcher, so it never counts as positive.
"""

from __future__ import annotations

from sqaudit.lexicons import Lexicon

SENTIMENT: Lexicon = {
    "positive": {
        "en": (
            "thank*", "thx", "ty", "cheers", "appreciate*", "grateful", "great", "good", "nice", "fine",
            "ok", "okay", "glad", "happy", "pleased", "helpful", "useful", "quick", "fast", "easy", "smooth",
            "works", "worked", "working", "fixed", "solved", "resolved", "sorted", "better", "clear",
            "kind", "friendly", "patient", "polite", "lovely", "cool", "correct", "sure",
            "got it", "makes sense", "sounds good", "no problem", "no worries", "all good", "well done",
            "satisfied", "relieved", "reasonable", "fair enough", "i see", "understood",
            "can't wait", "cannot wait", "convenient", "timely", "prompt", "professional", "attentive",
            "thoughtful", "considerate", "reassured", "i understand", "haha", "hehe", "lol", ":)", ":-)", ":d",
            "🙂", "😊", "😀", "😄", "👍",
        ),
        "zh": (
            "谢谢", "感谢", "多谢", "谢啦", "好的", "好滴", "好嘞", "好啦", "可以了", "行了", "行吧", "嗯嗯", "明白", "清楚",
            "知道了", "收到啦", "收到,", "收到!", "收到~", "不错", "挺好", "很好", "好用", "方便", "及时", "很快", "耐心", "热情", "专业",
            "细心", "贴心", "周到", "满意", "放心", "开心", "高兴", "解决了", "搞定", "正常了", "恢复了",
            "没问题", "好了", "对的", "是的", "辛苦", "理解", "合理", "哈哈", "嘻嘻", "[赞]", "[哈哈]",
            "好吧", "哦了", "3q", "[微笑]", "[嘻嘻]", "[可爱]", "[心]", "[太开心]", "[耶]", "[ok]", "[握手]",
        ),
    },
    "strong_positive": {
        "en": (
            "excellent", "perfect", "brilliant", "awesome", "amazing", "fantastic", "wonderful", "superb",
            "outstanding", "love it", "love you", "the best", "thank you so much", "thanks so much",
            "thanks a lot", "thank you very much", "really appreciate", "much appreciated", "lifesaver",
            "life saver", "delighted", "impressed", "legend", "you're a star", "😍", "👏", "❤",
        ),
        "zh": (
            "非常感谢", "太感谢", "十分感谢", "万分感谢", "太好了", "真棒", "很棒", "太棒", "给力", "点赞", "好评",
            "赞一个", "非常满意", "很满意", "特别满意", "完美", "厉害", "效率高", "效率真高", "帮大忙", "爱你",
            "[爱你]", "[鼓掌]", "[good]",
        ),
    },
    "negative": {
        "en": (
            "bad", "poor", "wrong", "slow", "late", "delayed", "broken", "faulty", "damaged", "missing",
            "lost", "error", "fail*", "crash*", "stuck", "confus*", "unclear", "difficult", "hard to",
            "annoy*", "frustrat*", "disappoint*", "upset", "unhappy", "worried", "concerned", "sad", "stress*",
            "problem again", "still not", "still no", "still waiting", "still doesn't", "still isn't",
            "doesn't work", "didn't work", "not working", "won't work", "can't", "cannot", "unable",
            "not happy", "not satisfied", "not good", "not ok", "not okay", "not right", "not fair",
            "no one", "nobody", "never", "yet again", "again!", "again?", "again and again", "not again",
            "happened again", "happening again", "down again", "broken again", "failed again", "wrong again",
            "off again", "charged again", "waiting", "waste", "wasted", "hassle", "inconvenien*",
            "unfortunately", "complain*", "expensive", "overcharged", "charged twice",
            "unreliable", "unprofessional", "careless", "ignored", "no reply", "no response", "no answer",
            "couldn't", "could not", "can not", "invalid", "pity", "a shame", "speechless", "no help", "messed up",
            "lagging", "laggy", "why", "worse", "delay", "crazy", "ruin*", "boring",
            "can't wait any longer", "cannot wait any longer", "can't wait anymore", "so long", "such a long time", ":(", ":-(", "😞", "😢", "😠", "😡", "😤", "🙄", "😒", "👎",
        ),
        "zh": (
            "不好", "不行", "不能", "不对", "不满", "不满意", "不爽", "不方便", "不合理", "不清楚", "没用的", "没用啊", "没用了", "没用,", "没用。", "没用!", "还是没用", "都没用",
            "没有用的", "没什么用",
            "没解决", "没收到", "没到", "还没", "还是没", "还是不", "怎么还", "为什么", "到底", "怎么回事", "故障",
            "失败", "错误", "出错", "坏了", "好慢", "太慢", "很慢", "真慢", "慢死", "慢得", "特别慢", "非常慢", "网速慢", "速度慢", "延迟", "迟迟", "等了", "总是", "又是",
            "着急", "担心", "郁闷", "难过", "失望", "生气", "烦死", "很烦", "心烦", "无奈", "可惜", "遗憾",
            "乱扣", "多扣", "投诉", "[怒]", "[哼]", "[泪]", "[衰]", "[抓狂]",
            "[晕]", "[汗]", "[委屈]", "[失望]", "[悲伤]", "[生病]", "?!",
            # equivalents of the English list: can't, nobody, waiting, difficult, hassle, missing, sad, waste, again
            "无法", "没法", "没办法", "办不了", "开不了", "进不了", "登不了", "打不了", "充不了", "退不了", "连不了",
            "看不了", "受不了", "找不到", "搜不到", "刷不出", "发不出", "没人", "没有人", "无人", "在等", "还在等",
            "等着", "一直等", "等待", "困难", "很难", "难以", "太麻烦", "很麻烦", "麻烦死", "折腾", "伤心", "难受",
            "糟糕", "糟透", "好差", "丢失", "不见了", "错了", "有误", "无效", "不成功", "浪费", "又出", "又断", "又坏",
            "又不行", "又来了", "又被", "烦人", "没用.", "卡住", "卡在", "很久了", "好久了", "这么久",
            "好长时间", "吐槽", "无视", "又一次", "再次出现", "一次又一次", "[怒骂]", "[鄙视]",
        ),
    },
    # Service failures told as plain facts: how most complaints are actually worded.
    "failure": {
        "en": (
            "not arrived", "hasn't arrived", "haven't arrived", "didn't arrive", "never arrived", "not delivered",
            "never delivered", "not received", "haven't received", "hasn't received", "didn't receive",
            "never received", "never came", "didn't come", "still no", "no tracking", "yet to receive",
            "awaiting", "still awaiting", "got nothing", "no update", "no updates", "no longer", "not updating",
            "won't update", "not loading", "won't load", "doesn't load", "not charging", "won't charge",
            "not connecting", "won't connect", "can't connect", "not recognized", "not recognised", "not showing",
            "doesn't show", "not responding", "keeps crashing", "keeps freezing", "keeps dropping", "freezes",
            "glitch*", "bug", "bugs", "buggy", "defect*", "malfunction*", "out of stock", "sold out",
            "cancelled my", "canceled my", "overcharg*", "charged me", "double charged", "hidden fee*",
            "wrong item", "wrong order", "wrong size", "wrong address", "wrong bill", "incorrect", "inaccurate",
            "misleading", "false advertising", "inefficient", "on hold", "hung up", "no one answered", "nobody answered",
            "no one called", "nobody called", "never called back", "never got back", "uncooperative",
            "unhelpful", "inadequate", "substandard", "cold food", "stale", "expired", "leaking", "leaks",
            "get your act together", "last time i", "fix your", "fix this", "sort it out", "explain why",
        ),
        "zh": (
            "没收到", "还没收到", "没到货", "未到货", "没发货", "不发货", "发错", "少发", "漏发", "错发", "破损", "损坏",
            "坏的", "质量差", "质量问题", "假货", "故障", "卡顿", "闪退", "死机", "打不开", "登不上", "连不上", "用不了",
            "上不了", "收不到", "打不通", "没信号", "断网", "乱收费", "多收", "扣了两次", "重复扣费", "被扣", "没人理",
            "没人回复", "没人管", "不回复", "不理人", "态度差", "态度恶劣", "服务差", "效率低", "拖延", "一直没",
            "迟迟不", "至今没", "到现在还", "说好的", "承诺的", "虚假宣传", "欺骗", "过期", "变质", "漏水",
        ),
    },
    "strong_negative": {
        "en": (
            "terrible", "awful", "horrible", "dreadful", "appalling", "disgusting", "disgraceful",
            "ridiculous", "absurd", "outrageous", "unacceptable", "pathetic", "useless", "worst", "hate",
            "furious", "angry", "livid", "fuming", "fed up", "sick of", "sick and tired", "joke", "scam",
            "rip off", "rip-off", "ripped off", "liar*", "lied", "incompetent", "rubbish", "garbage",
            "nightmare", "wtf", "shame on you", "never again", "disaster", "rude", "sucks", "crap",
            "cheat*", "deceiv*", "regret", "going crazy", "driving me crazy", "driving me mad",
        ),
        "zh": (
            "垃圾", "太差", "真差", "很差", "差劲", "太烂", "很烂", "真烂", "烂透", "稀烂", "破烂", "坑", "骗", "忽悠", "恶心", "气死", "愤怒", "火大",
            "无语", "呵呵", "服了", "醉了", "崩溃", "受够", "离谱", "过分", "太过分", "欺负", "霸王", "流氓",
            "无耻", "敷衍", "推诿", "推卸", "不负责", "黑心", "差评", "一星", "再也不", "后悔", "曝光", "12315",
            "工信部", "消协", "什么玩意", "搞什么", "有病", "滚开", "滚蛋", "给我滚", "有什么用", "有何用",
            "一点用都没有", "火气", "恼火", "疯了",
        ),
    },
}

#: How much a hit of each list counts; the sign is the polarity.
WEIGHTS = {"positive": 1, "strong_positive": 2, "negative": -1, "failure": -1, "strong_negative": -2}
