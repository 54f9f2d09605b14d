package org.civicdesk.open311.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.civicdesk.directory.Directory;
import org.civicdesk.matters.MatterId;
import org.civicdesk.matters.MatterStatus;
import org.civicdesk.matters.MatterType;
import org.civicdesk.matters.Matters;
import org.civicdesk.matters.ReportedAppeals;
import org.civicdesk.matters.ReportedAppeals.ReportedAppeal;
import org.civicdesk.shared.ActingAs;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.CitySettings;
import org.civicdesk.shared.FieldViolation;
import org.civicdesk.shared.ProblemException;
import org.civicdesk.open311.internal.GeoReportOutput.Format;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), one jurisdiction, so {@code jurisdiction_id}
 * is ignored as the standard allows. The services are the appeal categories (their Chinese names are the
 * service codes, as the appeals record them); every request is realtime: it becomes a resident's appeal at
 * once, whose id is the {@code service_request_id}, and is {@code open} until the appeal is closed or not
 * accepted. Errors are the standard's list of {@code code} and {@code description} with the HTTP status:
 * 403 for a missing or wrong {@code api_key}, 404 for what does not exist, 400 for anything else.
 */
@RestController
@RequestMapping("/open311/v2")
@Tag(name = "Open311")
class GeoReport {

    /** The standard's answer to a query without dates: the last 90 days, at most 1000 requests. */
    private static final int DEFAULT_DAYS = 90;
    private static final int MAX_REQUESTS = 1000;
    private static final int MAX_DESCRIPTION = 4000;
    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final BigDecimal NINETY = BigDecimal.valueOf(90);
    private static final BigDecimal ONE_EIGHTY = BigDecimal.valueOf(180);

    private final Open311Clients clients;
    private final Matters matters;
    private final ReportedAppeals appeals;
    private final Directory directory;
    private final GeoReportOutput output;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CitySettings city;

    GeoReport(Open311Clients clients, Matters matters, ReportedAppeals appeals, Directory directory,
            GeoReportOutput output, MessageSource messages, JdbcClient jdbc, TransactionTemplate tx, Clock clock,
            CitySettings city) {
        this.clients = clients;
        this.matters = matters;
        this.appeals = appeals;
        this.directory = directory;
        this.output = output;
        this.messages = messages;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.city = city;
    }

    /** A refusal in the standard's terms. */
    static final class GeoReportError extends RuntimeException {
        private final HttpStatus status;

        GeoReportError(HttpStatus status, String description) {
            super(description, null, false, false);
            this.status = status;
        }
    }

    // --- services

    @GetMapping("/services.{format}")
    @Operation(summary = "GeoReport v2 service list: the appeal categories")
    ResponseEntity<String> services(@PathVariable String format) {
        Format f = format(format);
        List<Map<String, Object>> services = new ArrayList<>();
        List<String> codes = serviceCodes();
        List<String> names = categories(LocaleContextHolder.getLocale());
        for (int i = 0; i < codes.size(); i++) {
            String name = i < names.size() ? names.get(i) : codes.get(i);
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("service_code", codes.get(i));
            service.put("service_name", name);
            service.put("description", message("open311.service.description", name));
            service.put("metadata", false);
            service.put("type", "realtime");
            service.put("keywords", codes.get(i).equals(name) ? null : codes.get(i));
            service.put("group", message("matter.type.APPEAL"));
            services.add(service);
        }
        return output.list(HttpStatus.OK, f, "services", services);
    }

    @GetMapping("/services/{code}.{format}")
    @Operation(summary = "GeoReport v2 service definition: no service asks for more than the standard's fields")
    ResponseEntity<String> service(@PathVariable String code, @PathVariable String format) {
        Format f = format(format);
        requireService(code);
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", code);
        definition.put("attributes", List.of());
        return output.one(f, "service_definition", definition);
    }

    // --- requests

    @PostMapping(path = "/requests.{format}")
    @Operation(summary = "GeoReport v2: submit a request (form-encoded, with api_key); it becomes a resident's appeal")
    ResponseEntity<String> submit(@PathVariable String format, HttpServletRequest request) {
        Format f = format(format);
        Open311Clients.Holder holder = holder(request.getParameter("api_key"));
        String code = text(request, "service_code", 50);
        if (code == null) {
            throw new GeoReportError(HttpStatus.BAD_REQUEST, "service_code was not provided");
        }
        requireService(code);
        BigDecimal lat = degrees(request, "lat", NINETY);
        BigDecimal lon = degrees(request, "long", ONE_EIGHTY);
        if ((lat == null) != (lon == null)) {
            throw new GeoReportError(HttpStatus.BAD_REQUEST, "lat and long must be sent together");
        }
        String address = text(request, "address_string", 200);
        String addressId = text(request, "address_id", 100);
        if (lat == null && address == null && addressId == null) {
            throw new GeoReportError(HttpStatus.BAD_REQUEST,
                    "A location is required: lat and long, address_string or address_id");
        }
        String description = text(request, "description", MAX_DESCRIPTION);
        String mediaUrl = text(request, "media_url", 1000);
        if (mediaUrl != null && !mediaUrl.matches("(?i)https?://\\S+")) {
            throw new GeoReportError(HttpStatus.BAD_REQUEST, "media_url must be an http or https URL");
        }
        Map<String, String> contact = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> field : Map.of("email", 254, "first_name", 100, "last_name", 100, "phone", 40,
                "device_id", 100, "account_id", 100).entrySet()) {
            contact.put(field.getKey(), text(request, field.getKey(), field.getValue()));
        }
        String content = description != null ? description
                : code + (address != null ? "：" + address : "");
        Matters.Raise raise = new Matters.Raise(MatterType.APPEAL.name(), title(content), content, null, null, null,
                code, null, "WEB", null, null, null, null, lat, lon, address);
        Actor client = directory.credentials(holder.account()).map(c -> c.actor())
                .orElseThrow(() -> new GeoReportError(HttpStatus.FORBIDDEN, "Invalid api_key"));
        long id = ActingAs.as(client, () -> tx.execute(status -> {
            MatterId matter = matters.raise(raise);
            jdbc.sql("""
                    INSERT INTO open311_request (matter_id, client_id, address_id, media_url, email, first_name,
                        last_name, phone, device_id, account_id, received_at)
                    VALUES (:matter, :client, :addressId, :media, :email, :first_name, :last_name, :phone, :device_id,
                        :account_id, :at)""")
                    .param("matter", matter.value()).param("client", holder.clientId()).param("addressId", addressId)
                    .param("media", mediaUrl).params(contact).param("at", OffsetDateTime.now(clock)).update();
            return matter.value();
        }));
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("service_request_id", id);
        created.put("service_notice", serviceNotice());
        created.put("account_id", contact.get("account_id"));
        ResponseEntity<String> answer = output.list(HttpStatus.CREATED, f, "service_requests", List.of(created));
        return ResponseEntity.created(URI.create("/open311/v2/requests/" + id + "." + format))
                .headers(answer.getHeaders()).body(answer.getBody());
    }

    @GetMapping("/requests.{format}")
    @Operation(summary = "GeoReport v2: requests by service_request_id (comma-separated), or by service_code, "
            + "start_date, end_date (w3 format; the last 90 days when neither is given) and status (open, closed); "
            + "newest first, at most 1000")
    ResponseEntity<String> requests(@PathVariable String format,
            @RequestParam(name = "service_request_id", required = false) String ids,
            @RequestParam(name = "service_code", required = false) String codes,
            @RequestParam(name = "start_date", required = false) String start,
            @RequestParam(name = "end_date", required = false) String end,
            @RequestParam(name = "status", required = false) String status) {
        Format f = format(format);
        List<Long> wanted = new ArrayList<>();
        for (String id : list(ids)) {
            try {
                wanted.add(Long.parseLong(id));
            } catch (NumberFormatException e) {
                throw new GeoReportError(HttpStatus.BAD_REQUEST, "service_request_id must be numbers: " + id);
            }
        }
        Set<MatterStatus> statuses = EnumSet.noneOf(MatterStatus.class);
        for (String s : list(status)) {
            switch (s) {
                case "open" -> Arrays.stream(MatterStatus.values()).filter(MatterStatus::isOpen).forEach(statuses::add);
                case "closed" -> statuses.addAll(List.of(MatterStatus.CLOSED, MatterStatus.REJECTED));
                default -> throw new GeoReportError(HttpStatus.BAD_REQUEST, "status must be open or closed: " + s);
            }
        }
        OffsetDateTime from = instant("start_date", start);
        OffsetDateTime to = instant("end_date", end);
        if (from == null && to == null) {
            from = OffsetDateTime.now(clock).minusDays(DEFAULT_DAYS);
        }
        List<ReportedAppeal> found = appeals.appeals(new ReportedAppeals.Query(wanted, list(codes), from, to,
                statuses, false, MAX_REQUESTS));
        return output.list(HttpStatus.OK, f, "service_requests", requests(found));
    }

    @GetMapping("/requests/{id}.{format}")
    @Operation(summary = "GeoReport v2: one request, as a list of one")
    ResponseEntity<String> request(@PathVariable String id, @PathVariable String format) {
        Format f = format(format);
        ReportedAppeal appeal = parseId(id).flatMap(n -> appeals.appeal(new MatterId(n)))
                .orElseThrow(() -> new GeoReportError(HttpStatus.NOT_FOUND, "service_request_id not found: " + id));
        return output.list(HttpStatus.OK, f, "service_requests", requests(List.of(appeal)));
    }

    // --- errors

    @ExceptionHandler(GeoReportError.class)
    ResponseEntity<String> refused(GeoReportError e, HttpServletRequest request) {
        return error(request, e.status, List.of(e.getMessage()));
    }

    /** The appeal refused what the request asked: each field named as the standard names it. */
    @ExceptionHandler(ProblemException.class)
    ResponseEntity<String> refused(ProblemException e, HttpServletRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> descriptions = e.violations().isEmpty()
                ? List.of(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale))
                : e.violations().stream().map(v -> field(v) + ": "
                        + messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale)).toList();
        HttpStatus status = e.status() == HttpStatus.UNAUTHORIZED ? HttpStatus.FORBIDDEN
                : e.status().is4xxClientError() && e.status() != HttpStatus.FORBIDDEN
                        && e.status() != HttpStatus.NOT_FOUND ? HttpStatus.BAD_REQUEST : e.status();
        return error(request, status, descriptions);
    }

    private ResponseEntity<String> error(HttpServletRequest request, HttpStatus status, List<String> descriptions) {
        Format f = request.getRequestURI().endsWith(".xml") ? Format.XML : Format.JSON;
        List<Map<String, Object>> errors = descriptions.stream().map(d -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", status.value());
            error.put("description", d);
            return error;
        }).toList();
        return output.list(status, f, "errors", errors);
    }

    private static String field(FieldViolation violation) {
        return switch (violation.field()) {
            case "title", "content" -> "description";
            case "lon" -> "long";
            case "address" -> "address_string";
            case "category" -> "service_code";
            default -> violation.field();
        };
    }

    // --- helpers

    private static Format format(String extension) {
        Format f = Format.of(extension);
        if (f == null) {
            throw new GeoReportError(HttpStatus.NOT_FOUND, "Only the formats xml and json are served");
        }
        return f;
    }

    private Open311Clients.Holder holder(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new GeoReportError(HttpStatus.FORBIDDEN, "api_key was not provided");
        }
        return clients.holder(apiKey.strip())
                .orElseThrow(() -> new GeoReportError(HttpStatus.FORBIDDEN, "Invalid api_key"));
    }

    /** The appeal categories in Chinese, as appeals record them: the service codes. */
    private List<String> serviceCodes() {
        return categories(Locale.SIMPLIFIED_CHINESE);
    }

    private List<String> categories(Locale locale) {
        return Arrays.stream(messages.getMessage("raise.categories", null, locale).split(","))
                .map(String::strip).filter(c -> !c.isEmpty()).toList();
    }

    private void requireService(String code) {
        if (!serviceCodes().contains(code)) {
            throw new GeoReportError(HttpStatus.NOT_FOUND, "service_code not found: " + code);
        }
    }

    private String serviceNotice() {
        return message("open311.serviceNotice", appeals.answerWorkingDays());
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** A parameter, stripped, null when absent or blank; refused when longer than the limit. */
    private static String text(HttpServletRequest request, String name, int maxLength) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();
        if (value.length() > maxLength) {
            throw new GeoReportError(HttpStatus.BAD_REQUEST, name + " may be at most " + maxLength + " characters");
        }
        return value;
    }

    private static BigDecimal degrees(HttpServletRequest request, String name, BigDecimal limit) {
        String value = text(request, name, 30);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal degrees = new BigDecimal(value);
            if (degrees.abs().compareTo(limit) <= 0) {
                return degrees;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw new GeoReportError(HttpStatus.BAD_REQUEST,
                name + " must be a WGS84 decimal number of degrees between -" + limit + " and " + limit);
    }

    /** The first line of the description, short enough for an appeal's title. */
    private static String title(String content) {
        String line = content.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(content);
        return line.length() <= 60 ? line : line.substring(0, 59) + "…";
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A w3 date-time with its offset, or a bare date taken as its start in the city. */
    private OffsetDateTime instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(value.strip()).atStartOfDay(city.timeZone()).toOffsetDateTime();
            } catch (DateTimeParseException notDate) {
                throw new GeoReportError(HttpStatus.BAD_REQUEST,
                        name + " must be a w3 date-time with its offset, e.g. 2023-02-28T00:00:00+08:00");
            }
        }
    }

    private List<Map<String, Object>> requests(List<ReportedAppeal> found) {
        Map<Long, Extra> extras = extras(found.stream().map(ReportedAppeal::id).toList());
        List<String> codes = serviceCodes();
        String notice = serviceNotice();
        List<Map<String, Object>> requests = new ArrayList<>();
        for (ReportedAppeal a : found) {
            Extra extra = extras.getOrDefault(a.id(), new Extra(null, null));
            String code = a.category() != null && codes.contains(a.category()) ? a.category()
                    : codes.get(codes.size() - 1);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("service_request_id", a.id());
            r.put("status", a.status().isOpen() ? "open" : "closed");
            r.put("status_notes", a.answer());
            r.put("service_name", code);
            r.put("service_code", code);
            r.put("description", description(a));
            r.put("agency_responsible", a.agencies().isEmpty() ? null : String.join("、", a.agencies()));
            r.put("service_notice", notice);
            r.put("requested_datetime", W3C.format(a.raisedAt()));
            r.put("updated_datetime", W3C.format(a.updatedAt()));
            r.put("expected_datetime", a.expectedAt() == null ? null : W3C.format(a.expectedAt()));
            r.put("address", a.address());
            r.put("address_id", extra.addressId());
            r.put("zipcode", null);
            r.put("lat", a.lat() == null ? null : a.lat().stripTrailingZeros());
            r.put("long", a.lon() == null ? null : a.lon().stripTrailingZeros());
            r.put("media_url", extra.mediaUrl());
            requests.add(r);
        }
        return requests;
    }

    /** The title, then the text unless the text begins with it (a request's title is its first line). */
    private static String description(ReportedAppeal a) {
        String text = a.description() == null ? "" : a.description();
        String full = text.startsWith(a.title()) ? text : a.title() + "\n" + text;
        return full.length() <= MAX_DESCRIPTION ? full : full.substring(0, MAX_DESCRIPTION);
    }

    /** What a request brought that the appeal does not keep and the public may read. */
    private record Extra(String addressId, String mediaUrl) {
    }

    private Map<Long, Extra> extras(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Extra> extras = new HashMap<>();
        jdbc.sql("SELECT matter_id, address_id, media_url FROM open311_request WHERE matter_id IN (:ids)")
                .param("ids", ids).query((rs, n) -> extras.put(rs.getLong("matter_id"),
                        new Extra(rs.getString("address_id"), rs.getString("media_url"))))
                .list();
        return extras;
    }
}
