package io.github.otelcdi.jaxrs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryRedactorTest {

    private final QueryRedactor redactor = new QueryRedactor(Set.of("sig", "X-Amz-Signature"));

    @Test
    void sensitiveValuesAreReplaced() {
        assertEquals("a=1&sig=REDACTED&b=2", redactor.redact("a=1&sig=secret&b=2"));
        assertEquals("X-Amz-Signature=REDACTED", redactor.redact("X-Amz-Signature=abc%3D"));
        assertEquals("sig=REDACTED&sig=REDACTED", redactor.redact("sig=1&sig=2"));
    }

    @Test
    void everythingElseIsUntouched() {
        String query = "signature=1&xsig=2&sig&a=&=b&&c=d";
        assertSame(query, redactor.redact(query));
        assertNull(redactor.redact(null));
        assertEquals("", redactor.redact(""));
        assertEquals("SIG=1", redactor.redact("SIG=1"));
    }
}
