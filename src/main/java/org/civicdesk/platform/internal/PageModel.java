package org.civicdesk.platform.internal;


import org.civicdesk.shared.ProblemException;
import org.civicdesk.shared.web.ProblemResponses;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;

/** What every page's layout needs, and the error page for refusals raised while serving a page. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class PageModel {

    private final ProblemResponses problems;

    PageModel(ProblemResponses problems) {
        this.problems = problems;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ExceptionHandler(ProblemException.class)
    ModelAndView problem(ProblemException ex) {
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(ex.status());
        mav.addObject("status", ex.status().value());
        mav.addObject("message", problems.message(ex.messageKey(), ex.args()));
        mav.addObject("violations", ex.violations());
        return mav;
    }

}
