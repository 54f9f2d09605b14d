package org.civicdesk.places.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civicdesk.places.internal.Views.BookingView;
import org.civicdesk.places.internal.Views.HonourView;
import org.civicdesk.places.internal.Views.PlaceView;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.web.FormPage;
import org.civicdesk.shared.web.Forms;
import org.civicdesk.shared.web.ListFilter;
import org.civicdesk.shared.web.MapData;
import org.civicdesk.shared.web.Pager;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The pages of places: the public map with its list, a place with its booking form for signed-in
 * organisations, the requester's own bookings, the manager's queue, and the public honours. Every
 * form goes through the same services as the API.
 */
@Controller
class PlacePages {

    private static final int PAGE_SIZE = 20;

    private final PlaceService places;
    private final BookingService bookings;
    private final HonourService honours;

    PlacePages(PlaceService places, BookingService bookings, HonourService honours) {
        this.places = places;
        this.bookings = bookings;
        this.honours = honours;
    }

    @GetMapping("/public/places")
    String map(@RequestParam(required = false) String kind, @RequestParam(required = false) String level,
            Model model) {
        // An unknown filter from an edited address shows every place rather than an error page.
        Checks lenient = new Checks();
        PlaceKind k = lenient.oneOf("kind", kind, PlaceKind.class);
        PlaceLevel l = lenient.oneOf("level", level, PlaceLevel.class);
        List<PlaceView> listed = places.placeViews(k, l);
        model.addAttribute("places", listed);
        model.addAttribute("map", map(listed));
        model.addAttribute("kind", k);
        model.addAttribute("level", l);
        model.addAttribute("kinds", PlaceKind.values());
        model.addAttribute("levels", PlaceLevel.values());
        return "places/map";
    }

    @GetMapping("/public/places/{id}")
    String place(@PathVariable long id, Model model) {
        Forms.addIfAbsent(model, "form", () -> {
            BookingForm form = new BookingForm();
            form.setDate(bookings.today().plusDays(7).toString());
            form.setStartTime("09:00");
            form.setEndTime("11:00");
            return form;
        });
        PlaceView place = places.place(id);
        model.addAttribute("place", place);
        model.addAttribute("map", map(List.of(place)));
        model.addAttribute("manages", Actor.current().map(a -> PlaceService.manages(a, place)).orElse(false));
        return "places/place";
    }

    /** The organisation is the signed-in account's, not a field of the form: its refusal shows above the fields. */
    @PostMapping("/places/{id}/bookings")
    @PreAuthorize("isAuthenticated()")
    @FormPage("/public/places/{id}")
    String book(@PathVariable long id, @ModelAttribute("form") BookingForm form, RedirectAttributes redirect) {
        BookingView booking = bookings.request(id, form.command());
        redirect.addFlashAttribute("saved", booking.placeName());
        return "redirect:/places/bookings";
    }

    @GetMapping("/places/bookings")
    @PreAuthorize("isAuthenticated()")
    String mine(@ModelAttribute("filter") BookingFilter filter, BindingResult errors, HttpServletResponse response,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("today", bookings.today());
        model.addAttribute("placeNames", placeNames(null));
        model.addAttribute("statuses", BookingStatus.values());
        model.addAttribute("bookings", List.of());
        ListFilter.read(errors, response, filter::criteria).ifPresent(c -> {
            List<BookingView> shown = bookings.mine(c, Pager.offset(page, PAGE_SIZE), PAGE_SIZE);
            model.addAttribute("bookings", shown);
            shown.forEach(b -> Forms.addIfAbsent(model, Forms.rowName("feedbackForm", b.id()),
                    () -> new FeedbackForm(b.feedback())));
            model.addAttribute("pager", Pager.of(bookings.countMine(c), shown.size(), page, PAGE_SIZE));
        });
        return "places/mine";
    }

    @PostMapping("/places/bookings/{id}/cancel")
    @PreAuthorize("isAuthenticated()")
    @FormPage("/places/bookings")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        return done(redirect, "redirect:/places/bookings", bookings.cancel(id, null));
    }

    @PostMapping("/places/bookings/{id}/feedback")
    @PreAuthorize("isAuthenticated()")
    @FormPage(value = "/places/bookings", row = "id")
    String feedback(@PathVariable long id, @ModelAttribute("feedbackForm") FeedbackForm form,
            RedirectAttributes redirect) {
        return done(redirect, "redirect:/places/bookings", bookings.feedback(id, form.getFeedback()));
    }

    @GetMapping("/places/queue")
    @PreAuthorize("hasAnyRole('ADMIN','PLACE_MANAGER')")
    String queue(@ModelAttribute("filter") BookingFilter filter, BindingResult errors, HttpServletResponse response,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "0") int confirmedPage,
            Model model) {
        model.addAttribute("placeNames", placeNames(bookings.managed()));
        model.addAttribute("requested", List.of());
        model.addAttribute("confirmed", List.of());
        ListFilter.read(errors, response, filter::criteria).ifPresent(c -> {
            List<BookingView> requested = bookings.queue(BookingStatus.REQUESTED, c, Pager.offset(page, PAGE_SIZE),
                    PAGE_SIZE);
            List<BookingView> confirmed = bookings.queue(BookingStatus.CONFIRMED, c,
                    Pager.offset(confirmedPage, PAGE_SIZE), PAGE_SIZE);
            model.addAttribute("requested", requested);
            model.addAttribute("requestedPager",
                    Pager.of(bookings.countQueue(BookingStatus.REQUESTED, c), requested.size(), page, PAGE_SIZE));
            model.addAttribute("confirmed", confirmed);
            model.addAttribute("confirmedPager", Pager.of(bookings.countQueue(BookingStatus.CONFIRMED, c),
                    confirmed.size(), confirmedPage, PAGE_SIZE, "confirmedPage"));
        });
        return "places/queue";
    }

    @PostMapping("/places/queue/{id}/confirm")
    @PreAuthorize("hasAnyRole('ADMIN','PLACE_MANAGER')")
    @FormPage("/places/queue")
    String confirm(@PathVariable long id, RedirectAttributes redirect) {
        return done(redirect, "redirect:/places/queue", bookings.confirm(id));
    }

    @PostMapping("/places/queue/{id}/decline")
    @PreAuthorize("hasAnyRole('ADMIN','PLACE_MANAGER')")
    @FormPage("/places/queue")
    String decline(@PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return done(redirect, "redirect:/places/queue", bookings.decline(id, reason));
    }

    @GetMapping("/public/honours")
    String honours(@ModelAttribute("filter") HonourFilter filter, BindingResult errors, HttpServletResponse response,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("levels", HonourLevel.values());
        model.addAttribute("honours", List.of());
        ListFilter.read(errors, response, filter::criteria).ifPresent(c -> {
            List<HonourView> shown = honours.honours(c, Pager.offset(page, PAGE_SIZE), PAGE_SIZE);
            model.addAttribute("honours", shown);
            model.addAttribute("pager", Pager.of(honours.count(c), shown.size(), page, PAGE_SIZE));
        });
        return "places/honours";
    }

    /** The names of the places a filter offers, by id: the given ones, or all when null. */
    private Map<Long, String> placeNames(List<Long> only) {
        Map<Long, String> names = new LinkedHashMap<>();
        places.places(null, null).stream().filter(p -> only == null || only.contains(p.id()))
                .forEach(p -> names.put(p.id(), p.name()));
        return names;
    }

    /** Places on a map: a symbol per kind and a size per level, each marker linking to its place's page. */
    private static MapData map(List<PlaceView> listed) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().getPath();
        String pages = (base == null ? "" : base) + "/public/places/";
        return MapData.of(listed, p -> new MapData.Point(p.lat(), p.lon(), p.name(), pages + p.id(), p.kind().name(),
                p.level().name()), names(PlaceKind.values()), names(PlaceLevel.values()));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** Tells on the page it returns to what became of the booking. */
    private static String done(RedirectAttributes redirect, String back, BookingView after) {
        redirect.addFlashAttribute("saved", after.placeName());
        redirect.addFlashAttribute("savedStatus", after.status());
        return back;
    }
}
