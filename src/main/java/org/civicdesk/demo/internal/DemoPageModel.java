package org.civicdesk.demo.internal;

import org.civicdesk.demo.DemoCityLoad;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page's layout whether the demo city is still loading, so that an empty page says why. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class DemoPageModel {

    private final DemoCityLoad demo;

    DemoPageModel(DemoCityLoad demo) {
        this.demo = demo;
    }

    @ModelAttribute("demoLoading")
    boolean demoLoading() {
        return demo.loading();
    }
}
