package org.civicdesk.demo.internal;

import org.civicdesk.notices.NoticeCommand;
import org.civicdesk.notices.Notices;
import org.civicdesk.shared.ReplayableClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The notice of the Zhuzhou Daily of 28 February 2023: the municipal CDC's alert of 27 February that
 * chickenpox season has come, as the paper reports it, published on that day. The paper gives the
 * day only; the hour is illustrative.
 */
@Component
class NoticesDemo {

    private static final Logger log = LoggerFactory.getLogger(NoticesDemo.class);

    private static final String CHICKENPOX_TITLE = "水痘进入高发季节 家长请做好战“痘”准备";
    private static final String CHICKENPOX_BODY = """
            2月27日，市疾控中心发布紧急提示，我市已进入水痘高发季节，家长要及时带孩子接种水痘疫苗。
            水痘这种传染病很少有并发症，无须特殊治疗，患儿通常可在10天内自然痊愈，但它的传染性极强，常出现一个班的孩子集体出痘的“盛况”。
            水痘多发于2岁至6岁的幼儿，主要通过空气飞沫经呼吸道传播，接触患儿用过的衣服、用具、玩具等也可能造成传染。疾病流行期间，家长应尽量不带孩子去人员密集和环境封闭的地方活动。如果孩子已经染上水痘，家长应注意让孩子立即隔离并及时就医，此外要注意孩子的个人卫生，避免因揉眼睛而造成眼部感染。""";

    private static final String ISSUED = "2023-02-27T10:00:00+08:00";

    private final Notices notices;

    NoticesDemo(Notices notices) {
        this.notices = notices;
    }

    void load() {
        ReplayableClock.at(PaperTime.at(ISSUED), () -> notices.create(new NoticeCommand(CHICKENPOX_TITLE,
                CHICKENPOX_BODY, "ZZ-CDC", "HEALTH_ALERT", true)));
        log.info("Published the demo city's notice: the CDC's chickenpox alert of 27 February 2023.");
    }
}
