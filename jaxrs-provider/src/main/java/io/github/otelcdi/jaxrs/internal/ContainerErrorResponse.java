package io.github.otelcdi.jaxrs.internal;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The response a runtime sends without JAX-RS when an exception nothing mapped escapes it (CXF hands
 * it to the servlet container): a status and nothing else, so the span and the duration metric carry
 * {@code http.response.status_code} as they do where the runtime answers through JAX-RS. Read-only:
 * response hooks see it, and what they set goes nowhere.
 */
public final class ContainerErrorResponse implements ContainerResponseContext {

    private final int status;

    /** @param status the status the runtime answers with */
    public ContainerErrorResponse(int status) {
        this.status = status;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void setStatus(int code) {
        // The runtime has answered already.
    }

    @Override
    public Response.StatusType getStatusInfo() {
        Response.StatusType known = Response.Status.fromStatusCode(status);
        return known != null ? known : new OtherStatus(status);
    }

    /** A status the {@code Response.Status} enumeration does not name. */
    private record OtherStatus(int getStatusCode) implements Response.StatusType {

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.familyOf(getStatusCode);
        }

        @Override
        public String getReasonPhrase() {
            return "";
        }
    }

    @Override
    public void setStatusInfo(Response.StatusType statusInfo) {
        // The runtime has answered already.
    }

    @Override
    public MultivaluedMap<String, Object> getHeaders() {
        // A new empty map each time: what a hook puts there must not look like a header that was sent.
        return new MultivaluedHashMap<>();
    }

    @Override
    public MultivaluedMap<String, String> getStringHeaders() {
        return new MultivaluedHashMap<>();
    }

    @Override
    public String getHeaderString(String name) {
        return null;
    }

    @Override
    public Set<String> getAllowedMethods() {
        return Set.of();
    }

    @Override
    public Date getDate() {
        return null;
    }

    @Override
    public Locale getLanguage() {
        return null;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public MediaType getMediaType() {
        return null;
    }

    @Override
    public Map<String, NewCookie> getCookies() {
        return Map.of();
    }

    @Override
    public EntityTag getEntityTag() {
        return null;
    }

    @Override
    public Date getLastModified() {
        return null;
    }

    @Override
    public URI getLocation() {
        return null;
    }

    @Override
    public Set<Link> getLinks() {
        return Set.of();
    }

    @Override
    public boolean hasLink(String relation) {
        return false;
    }

    @Override
    public Link getLink(String relation) {
        return null;
    }

    @Override
    public Link.Builder getLinkBuilder(String relation) {
        return null;
    }

    @Override
    public boolean hasEntity() {
        return false;
    }

    @Override
    public Object getEntity() {
        return null;
    }

    @Override
    public Class<?> getEntityClass() {
        return null;
    }

    @Override
    public Type getEntityType() {
        return null;
    }

    @Override
    public void setEntity(Object entity) {
        // The runtime has answered already.
    }

    @Override
    public void setEntity(Object entity, Annotation[] annotations, MediaType mediaType) {
        // The runtime has answered already.
    }

    @Override
    public Annotation[] getEntityAnnotations() {
        return new Annotation[0];
    }

    @Override
    public OutputStream getEntityStream() {
        return OutputStream.nullOutputStream();
    }

    @Override
    public void setEntityStream(OutputStream outputStream) {
        // The runtime has answered already.
    }
}
