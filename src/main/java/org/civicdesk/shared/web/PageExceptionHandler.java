package org.civicdesk.shared.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.civicdesk.shared.FieldViolation;
import org.civicdesk.shared.ProblemException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ModelFactory;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Shows every refusal of a page the same way, so that no page controller catches one. (The API's
 * controllers have {@link ApiExceptionHandler}, which goes first.)
 *
 * <p>A form's handler takes the form as its {@code @ModelAttribute} argument, calls the service and
 * names with {@link FormPage} the page that shows the form. When the service refuses, or the form
 * does not bind, the reader is sent back to that page (post/redirect/get) with flash attributes:
 * <ul>
 * <li><b>Bad fields</b> — a form that did not bind or validate, or a refusal that names fields (a 400,
 * a duplicate code, something named in the form that does not exist): the submitted form and its
 * {@link BindingResult} under {@code BindingResult.MODEL_KEY_PREFIX + name}, each violation on the
 * field it names ({@link FormErrors}). The page's handler adds a fresh form only when none came back
 * ({@link Forms#addIfAbsent}), so Thymeleaf shows the values the reader typed, the error summary that
 * links to each field and the message beside each field ({@code templates/fragments/form.html}).</li>
 * <li><b>A refusal by state</b> — one that names no field (a 409, a 400 about nothing on the form):
 * a {@link Refusal} under {@code refusal}, shown as a message on the page, and the form with its
 * values.</li>
 * <li><b>Anything else</b> — 403, a 404 of what the address names, or a handler without
 * {@link FormPage}: the error page with that status.</li>
 * </ul>
 * The same works for a page with several forms, as each has its own name, and for a button without
 * a form, which only ever gets the message. Spring binds the form before the handler runs and keeps
 * it where no exception handler can reach, so {@link #remember} notes each form's binder in the
 * request. Flash attributes travel in the session, which lives in the database: forms are
 * {@link java.io.Serializable}.
 */
@ControllerAdvice(annotations = Controller.class)
public class PageExceptionHandler {

    private static final String REFUSAL = "refusal";
    private static final String BINDERS = PageExceptionHandler.class.getName() + ".binders";

    private final ProblemResponses problems;

    public PageExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @InitBinder
    void remember(WebDataBinder binder, HttpServletRequest request) {
        if (binder.getTarget() == null && binder.getTargetType() == null) {
            return; // a path variable or request parameter being converted, not a form
        }
        binders(request).put(binder.getObjectName(), binder);
    }

    @ExceptionHandler(ProblemException.class)
    ModelAndView refused(ProblemException e, HandlerMethod handler, HttpServletRequest request) {
        FormPage page = handler.getMethodAnnotation(FormPage.class);
        boolean gone = e.status() == HttpStatus.NOT_FOUND && e.violations().isEmpty();
        if (page == null || gone || e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.UNAUTHORIZED) {
            return errorPage(e.status(), problems.message(e.messageKey(), e.args()));
        }
        BindingResult form = submittedForm(handler, request, page);
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        if (form != null && !e.violations().isEmpty()) {
            FormErrors.reject(form, e);
            flash.put(BindingResult.MODEL_KEY_PREFIX + form.getObjectName(), form);
        } else {
            flash.put(REFUSAL, refusal(e));
        }
        if (form != null) {
            flash.put(form.getObjectName(), form.getTarget());
        }
        return redirect(page, request);
    }

    @ExceptionHandler(BindException.class)
    ModelAndView invalid(BindException e, HandlerMethod handler, HttpServletRequest request) {
        FormPage page = handler.getMethodAnnotation(FormPage.class);
        if (page == null || e.getTarget() == null) {
            return errorPage(HttpStatus.BAD_REQUEST, problems.message("problem.validation"));
        }
        BindingResult form = copy(e.getBindingResult(), flashName(e.getObjectName(), page, request));
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put(form.getObjectName(), e.getTarget());
        flash.put(BindingResult.MODEL_KEY_PREFIX + form.getObjectName(), form);
        return redirect(page, request);
    }

    private Refusal refusal(ProblemException e) {
        List<Refusal.Detail> details = e.violations().stream()
                .map((FieldViolation v) -> new Refusal.Detail(v.field(), problems.message(v.messageKey(), v.args())))
                .toList();
        return new Refusal(problems.message(e.messageKey(), e.args()), details);
    }

    private static ModelAndView errorPage(HttpStatus status, String message) {
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("message", message);
        return mav;
    }

    private static ModelAndView redirect(FormPage page, HttpServletRequest request) {
        String url = UriComponentsBuilder.fromPath(page.value()).buildAndExpand(pathVariables(request)).encode()
                .toUriString();
        return new ModelAndView("redirect:" + url);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        Map<String, String> variables = (Map<String, String>) request
                .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables == null ? Map.of() : variables;
    }

    /** The name a refused form comes back under: its own, or for a form on each row, its row's. */
    private static String flashName(String name, FormPage page, HttpServletRequest request) {
        return page.row().isEmpty() ? name : Forms.rowName(name, pathVariables(request).get(page.row()));
    }

    /** The form of the handler as bound, with its errors in a result of its own that can travel in the session. */
    private static BindingResult submittedForm(HandlerMethod handler, HttpServletRequest request, FormPage page) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(ModelAttribute.class)) {
                String name = ModelFactory.getNameForParameter(parameter);
                WebDataBinder binder = binders(request).get(name);
                if (binder != null && binder.getTarget() != null) {
                    return copy(binder.getBindingResult(), flashName(name, page, request));
                }
            }
        }
        return null;
    }

    /** A copy of the errors under the name the form comes back under (errors carry their form's name). */
    private static BindingResult copy(BindingResult bound, String name) {
        BindingResult copy = new BeanPropertyBindingResult(bound.getTarget(), name);
        for (ObjectError e : bound.getAllErrors()) {
            copy.addError(e instanceof FieldError f
                    ? new FieldError(name, f.getField(), f.getRejectedValue(), f.isBindingFailure(), f.getCodes(),
                            f.getArguments(), f.getDefaultMessage())
                    : new ObjectError(name, e.getCodes(), e.getArguments(), e.getDefaultMessage()));
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, WebDataBinder> binders(HttpServletRequest request) {
        Map<String, WebDataBinder> binders = (Map<String, WebDataBinder>) request.getAttribute(BINDERS);
        if (binders == null) {
            binders = new HashMap<>();
            request.setAttribute(BINDERS, binders);
        }
        return binders;
    }
}
