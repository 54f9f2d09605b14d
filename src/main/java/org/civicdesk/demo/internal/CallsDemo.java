package org.civicdesk.demo.internal;

import java.util.List;

import org.civicdesk.calls.CallCommand;
import org.civicdesk.calls.Calls;
import org.civicdesk.calls.GroupCommand;
import org.civicdesk.shared.ReplayableClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The call of the Zhuzhou Daily of 28 February 2023: 株洲群星合唱团 recruits 20 men under 65 and 10
 * women under 62, with the contact lines as the paper prints them. It opens on the paper's day and
 * stays open.
 */
@Component
class CallsDemo {

    private static final Logger log = LoggerFactory.getLogger(CallsDemo.class);

    private static final String CHOIR = "zz-qunxing-choir-2023";
    private static final String PUBLISHED = "2023-02-28";

    private static final String DESCRIPTION = "株洲群星合唱团是株洲市文化馆团体，由株洲市民政局注册。成立7年来多次参赛，"
            + "屡获国家、省、市大奖。现因团体演出赛事需要，急需招募男团员20人、女团员10人。本团由专业合唱老师担任教学，"
            + "排练场所优越，管理规范，欢迎热爱声乐、有一定基础的男士(65岁以下)女士(62岁以下)加入。";
    private static final String CONTACT = """
            报名热线:
            15674154189(胡先生)
            15073319568(谭女士)
            微信:W18607331938
            邮箱:171021974@qq.com""";

    private final Calls calls;

    CallsDemo(Calls calls) {
        this.calls = calls;
    }

    void load() {
        ReplayableClock.at(PaperTime.on(PUBLISHED), () -> calls.open(new CallCommand(CHOIR, "株洲群星合唱团 招募新团员",
                DESCRIPTION, CONTACT, List.of(new GroupCommand("men", "男团员", 20, "M", null, 65),
                        new GroupCommand("women", "女团员", 10, "F", null, 62)))));
        log.info("Opened the demo city's call: 株洲群星合唱团 recruits 20 men under 65 and 10 women under 62.");
    }
}
