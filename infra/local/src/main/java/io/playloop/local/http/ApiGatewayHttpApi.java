package io.playloop.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Emulates API Gateway's HTTP API in front of a Lambda function with payload format 2.0: builds the
 * {@link APIGatewayV2HTTPEvent} exactly as API Gateway does and turns the function's
 * {@link APIGatewayV2HTTPResponse} back into HTTP.
 *
 * <p>What API Gateway does and this class copies: header names lower-cased, repeated headers joined
 * by commas; {@code Cookie} headers moved to {@code cookies}; {@code queryStringParameters} decoded,
 * repeated names joined by commas, absent when there is no query; {@code x-forwarded-*} and
 * {@code x-amzn-trace-id} added; the body passed as UTF-8 text for JSON and text content types and as
 * base64 ({@code isBase64Encoded: true}) otherwise; a function that throws or returns no status
 * becomes {@code 500 {"message":"Internal Server Error"}}.
 */
public final class ApiGatewayHttpApi {
    static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String ACCOUNT_ID = "000000000000";
    private static final String API_ID = "local";

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** @param clock the clock requests are stamped with ({@code requestContext.time/timeEpoch}) */
    public ApiGatewayHttpApi(Clock clock) {
        this.clock = clock;
    }

    /** The event API Gateway would pass for {@code request} on the route {@code routeKey} ("POST /path"). */
    public APIGatewayV2HTTPEvent toEvent(LocalRequest request, String routeKey) {
        Instant now = clock.instant();
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headersByLowerCaseName().forEach((name, values) -> {
            if (name.equals("cookie")) {
                for (String line : values) {
                    for (String cookie : line.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                }
            } else {
                headers.put(name, String.join(",", values));
            }
        });
        String traceId = "Root=1-" + Long.toHexString(now.getEpochSecond()) + "-" + hex(12);
        headers.putIfAbsent("x-amzn-trace-id", traceId);
        headers.put("x-forwarded-for", forwardedFor(headers.get("x-forwarded-for"), request.sourceIp()));
        headers.put("x-forwarded-port", String.valueOf(request.localPort()));
        headers.put("x-forwarded-proto", "http");

        String host = headers.getOrDefault("host", "localhost");
        String domainName = host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;

        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(request.method());
        http.setPath(request.rawPath());
        http.setProtocol(request.protocol());
        http.setSourceIp(request.sourceIp());
        http.setUserAgent(headers.getOrDefault("user-agent", ""));

        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setAccountId(ACCOUNT_ID);
        context.setApiId(API_ID);
        context.setDomainName(domainName);
        context.setDomainPrefix(domainName.contains(".") ? domainName.substring(0, domainName.indexOf('.')) : domainName);
        context.setHttp(http);
        context.setRequestId(requestId());
        context.setRouteKey(routeKey);
        context.setStage("$default");
        context.setTime(REQUEST_TIME.format(now));
        context.setTimeEpoch(now.toEpochMilli());

        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey(routeKey);
        event.setRawPath(request.rawPath());
        event.setRawQueryString(request.rawQuery() == null ? "" : request.rawQuery());
        event.setCookies(cookies.isEmpty() ? null : cookies);
        event.setHeaders(headers);
        Map<String, String> query = request.queryParameters();
        event.setQueryStringParameters(query.isEmpty() ? null : query);
        event.setRequestContext(context);
        byte[] body = request.body();
        if (body.length == 0) {
            event.setBody(null);
            event.setIsBase64Encoded(false);
        } else if (isText(headers.get("content-type")) && isUtf8(body)) {
            event.setBody(new String(body, StandardCharsets.UTF_8));
            event.setIsBase64Encoded(false);
        } else {
            event.setBody(Base64.getEncoder().encodeToString(body));
            event.setIsBase64Encoded(true);
        }
        return event;
    }

    /** The HTTP response API Gateway makes of the function's answer. */
    public LocalResponse toResponse(APIGatewayV2HTTPResponse response, String requestId) {
        if (response == null || response.getStatusCode() < 100 || response.getStatusCode() > 599) {
            return internalServerError(requestId);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((k, v) -> headers.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((k, vs) -> headers.computeIfAbsent(k, x -> new ArrayList<>()).addAll(vs));
        }
        if (response.getCookies() != null) {
            headers.computeIfAbsent("Set-Cookie", x -> new ArrayList<>()).addAll(response.getCookies());
        }
        headers.put("Apigw-Requestid", List.of(requestId));
        byte[] body;
        if (response.getBody() == null) {
            body = new byte[0];
        } else if (response.getIsBase64Encoded()) {
            try {
                body = Base64.getDecoder().decode(response.getBody());
            } catch (IllegalArgumentException e) {
                return internalServerError(requestId); // API Gateway cannot decode it either
            }
        } else {
            body = response.getBody().getBytes(StandardCharsets.UTF_8);
        }
        return new LocalResponse(response.getStatusCode(), headers, body);
    }

    /** What API Gateway answers when the function fails. */
    public LocalResponse internalServerError(String requestId) {
        return LocalResponse.error(500, "Internal Server Error").withHeader("Apigw-Requestid", requestId);
    }

    /** JSON, XML, JavaScript and text/* travel as text; everything else (and no content type) as base64. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml") || type.equals("application/javascript");
    }

    /**
     * Whether the bytes are valid UTF-8, i.e. survive as a string: decoding invalid bytes would replace them
     * with U+FFFD and the function would verify a signature over other bytes than were signed.
     */
    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String forwardedFor(String existing, String sourceIp) {
        return existing == null || existing.isBlank() ? sourceIp : existing + ", " + sourceIp;
    }

    /** API Gateway request ids look like {@code JKJaXmPLvHcESHA=}. */
    private String requestId() {
        byte[] bytes = new byte[11];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).replace('+', 'A').replace('/', 'B');
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
