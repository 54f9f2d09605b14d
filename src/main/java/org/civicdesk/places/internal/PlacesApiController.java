package org.civicdesk.places.internal;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.civicdesk.places.HonourCommand;
import org.civicdesk.places.PlaceCommand;
import org.civicdesk.places.internal.Commands.BookingCommand;
import org.civicdesk.places.internal.Commands.CourseCommand;
import org.civicdesk.places.internal.Commands.FeedbackCommand;
import org.civicdesk.places.internal.Commands.ReasonCommand;
import org.civicdesk.places.internal.Views.BookingView;
import org.civicdesk.places.internal.Views.CourseView;
import org.civicdesk.places.internal.Views.HonourView;
import org.civicdesk.places.internal.Views.PlaceSummary;
import org.civicdesk.places.internal.Views.PlaceView;
import org.civicdesk.places.internal.Views.PublicPlaceView;
import org.civicdesk.shared.Checks;
import org.civicdesk.shared.IdempotentRequests;
import org.civicdesk.shared.IdempotentRequests.Made;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The places API: administrators record places and honours, any signed-in account books a visit for
 * its organisation, a place's manager confirms or declines. The map and the honours are public.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Places", description = "Places on the map, their courses, bookings of group visits, honours")
class PlacesApiController {

    private final PlaceService places;
    private final BookingService bookings;
    private final HonourService honours;
    private final IdempotentRequests requests;

    PlacesApiController(PlaceService places, BookingService bookings, HonourService honours,
            IdempotentRequests requests) {
        this.places = places;
        this.bookings = bookings;
        this.honours = honours;
        this.requests = requests;
    }

    // --- places

    @PostMapping("/places")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Record a place: a training base, a teaching point, a community place or a venue")
    ResponseEntity<PlaceView> create(@RequestBody PlaceCommand cmd) {
        PlaceView place = places.create(cmd);
        return ResponseEntity.created(URI.create("/api/v1/places/" + place.id())).body(place);
    }

    @GetMapping("/public/places")
    @Operation(summary = "The places on the map, optionally of one kind and level")
    List<PlaceSummary> list(@RequestParam(required = false) String kind, @RequestParam(required = false) String level) {
        Checks checks = new Checks();
        PlaceKind k = checks.oneOf("kind", kind, PlaceKind.class);
        PlaceLevel l = checks.oneOf("level", level, PlaceLevel.class);
        checks.throwIfAny();
        return places.places(k, l);
    }

    @GetMapping("/public/places/{id}")
    @Operation(summary = "One place with its capacity and the courses it offers")
    PublicPlaceView place(@PathVariable long id) {
        return places.place(id).publicView();
    }

    @GetMapping("/places/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','PLACE_MANAGER')")
    @Operation(summary = "One place with its manager's account (ADMIN or PLACE_MANAGER)")
    PlaceView placeWithManager(@PathVariable long id) {
        return places.place(id);
    }

    @PutMapping("/places/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change a place; every field is given again")
    PlaceView update(@PathVariable long id, @RequestBody PlaceCommand cmd) {
        return places.update(id, cmd);
    }

    @PostMapping("/places/{id}/courses")
    @Operation(summary = "Add a course or theme the place offers (ADMIN or the place's manager)")
    ResponseEntity<CourseView> addCourse(@PathVariable long id, @RequestBody CourseCommand cmd) {
        return ResponseEntity.status(HttpStatus.CREATED).body(places.addCourse(id, cmd));
    }

    // --- bookings

    @PostMapping("/places/{id}/bookings")
    @Operation(summary = "Book a group visit for the caller's organisation", description = IdempotentRequests.API_DOC)
    ResponseEntity<BookingView> book(@PathVariable long id,
            @RequestHeader(name = IdempotentRequests.KEY_HEADER, required = false) String key,
            @RequestBody BookingCommand cmd) {
        return requests.once("places.booking", key, List.of(id, cmd),
                () -> Made.created(bookings.request(id, cmd), BookingView::id), bookings::booking)
                .respond(booking -> URI.create("/api/v1/bookings/" + booking.id()));
    }

    @GetMapping("/bookings/mine")
    @Operation(summary = "The bookings the caller asked for")
    List<BookingView> mine() {
        return bookings.mine();
    }

    @GetMapping("/bookings/queue")
    @Operation(summary = "Bookings of the places the caller manages; requested ones unless status says otherwise")
    List<BookingView> queue(@RequestParam(required = false) List<String> status) {
        Set<BookingStatus> statuses = EnumSet.noneOf(BookingStatus.class);
        Checks checks = new Checks();
        for (String s : status == null ? List.of(BookingStatus.REQUESTED.name()) : status) {
            BookingStatus parsed = checks.oneOf("status", s, BookingStatus.class);
            if (parsed != null) {
                statuses.add(parsed);
            }
        }
        checks.throwIfAny();
        return bookings.queue(statuses);
    }

    @GetMapping("/bookings/{id}")
    BookingView booking(@PathVariable long id) {
        return bookings.booking(id);
    }

    @PostMapping("/bookings/{id}/confirm")
    @Operation(summary = "Confirm a booking (ADMIN or the place's manager); 409 CAPACITY_EXCEEDED when it would not fit")
    BookingView confirm(@PathVariable long id) {
        return bookings.confirm(id);
    }

    @PostMapping("/bookings/{id}/decline")
    @Operation(summary = "Decline a requested booking (ADMIN or the place's manager)")
    BookingView decline(@PathVariable long id, @RequestBody(required = false) ReasonCommand cmd) {
        return bookings.decline(id, cmd == null ? null : cmd.reason());
    }

    @PostMapping("/bookings/{id}/cancel")
    @Operation(summary = "Cancel a booking (its requester, or the place's manager)")
    BookingView cancel(@PathVariable long id, @RequestBody(required = false) ReasonCommand cmd) {
        return bookings.cancel(id, cmd == null ? null : cmd.reason());
    }

    @PostMapping("/bookings/{id}/feedback")
    @Operation(summary = "The requester's feedback after a confirmed visit took place")
    BookingView feedback(@PathVariable long id, @RequestBody FeedbackCommand cmd) {
        return bookings.feedback(id, cmd.feedback());
    }

    // --- honours

    @GetMapping("/public/honours")
    @Operation(summary = "Honours the city's organisations received, latest first")
    List<HonourView> honours() {
        return honours.honours();
    }

    @PostMapping("/honours")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Record an honour")
    ResponseEntity<HonourView> recordHonour(@RequestBody HonourCommand cmd) {
        return ResponseEntity.status(HttpStatus.CREATED).body(honours.record(cmd));
    }
}
