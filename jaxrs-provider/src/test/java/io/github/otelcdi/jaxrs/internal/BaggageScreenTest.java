package io.github.otelcdi.jaxrs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The screen against the API's own baggage parser: the same baggage, and none of its warnings. */
class BaggageScreenTest {

    private static final List<String> HEADERS = List.of(
            "user=alice,tier=gold",
            "user=alice;prop=1,tier=gold",
            "bad=%zz,user=alice",
            "user=alice,bad=a%4",
            "user=al%20ice,bad=%4g;p=1,tier=gold",
            "user=alice;pro\"p,tier=gold",
            "user=alice;p\\q,tier=gold;ok=1",
            "k%ey=v,user=bob",
            "user=alice% ,tier=gold",
            ";;;,=%,%=,a=%%",
            "a=1;x\u0001y,b=2,c=%GG;ok");

    @Test
    void keepsWhatTheApiKeepsWithoutItsWarnings() {
        List<LogRecord> warnings = new ArrayList<>();
        Logger parser = Logger.getLogger("io.opentelemetry.api.baggage.propagation.Parser");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        parser.addHandler(handler);
        // The unscreened reference runs warn as the API does; the build log need not show it.
        parser.setUseParentHandlers(false);
        try {
            for (String header : HEADERS) {
                Baggage unscreened = extract(header);
                warnings.clear();
                Baggage screened = extract(BaggageScreen.screen(header));
                assertEquals(unscreened.asMap(), screened.asMap(), "the same baggage from " + header);
                assertEquals(List.of(), warnings.stream().map(LogRecord::getMessage).toList(), "no warning for " + header);
            }
        } finally {
            parser.removeHandler(handler);
            parser.setUseParentHandlers(true);
        }
    }

    @Test
    void headerWithoutPercentOrMetadataIsPassedAsItIs() {
        String header = "user=alice,tier=gold";
        assertSame(header, BaggageScreen.screen(header));
    }

    private static Baggage extract(String header) {
        TextMapGetter<String> getter = new TextMapGetter<>() {
            @Override
            @SuppressWarnings("deprecation")
            public Iterable<String> keys(String carrier) {
                return List.of("baggage");
            }

            @Override
            public String get(String carrier, String key) {
                return "baggage".equals(key) ? carrier : null;
            }
        };
        return Baggage.fromContext(W3CBaggagePropagator.getInstance().extract(Context.root(), header, getter));
    }
}
