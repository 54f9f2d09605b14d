package org.civicdesk.demo.internal;

import java.util.Map;

import org.civicdesk.demo.DemoCityLoad;
import org.civicdesk.shared.web.PageModel;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/** Tells every page's layout whether the demo city is still loading, so that an empty page says why. */
@Component
class DemoPageModel implements PageModel {

    private final DemoCityLoad demo;

    DemoPageModel(DemoCityLoad demo) {
        this.demo = demo;
    }

    @Override
    public void addTo(HttpServletRequest request, Map<String, Object> model) {
        model.put("demoLoading", demo.loading());
    }
}
