package io.github.otelcdi.it.backends;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** OTLP over gRPC: the collector's trace, metrics and logs services, served by grpc-java. */
final class OtlpGrpcTransport implements AutoCloseable {

    private final Server server;

    private OtlpGrpcTransport(Server server) {
        this.server = server;
    }

    static OtlpGrpcTransport start(int port, OtlpReceiver receiver) throws IOException {
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
                .addService(new TraceServiceGrpc.TraceServiceImplBase() {
                    @Override
                    public void export(ExportTraceServiceRequest request, StreamObserver<ExportTraceServiceResponse> answer) {
                        respond(receiver, () -> receiver.received(request), answer, ExportTraceServiceResponse.getDefaultInstance());
                    }
                })
                .addService(new MetricsServiceGrpc.MetricsServiceImplBase() {
                    @Override
                    public void export(ExportMetricsServiceRequest request, StreamObserver<ExportMetricsServiceResponse> answer) {
                        respond(receiver, () -> receiver.received(request), answer, ExportMetricsServiceResponse.getDefaultInstance());
                    }
                })
                .addService(new LogsServiceGrpc.LogsServiceImplBase() {
                    @Override
                    public void export(ExportLogsServiceRequest request, StreamObserver<ExportLogsServiceResponse> answer) {
                        respond(receiver, () -> receiver.received(request), answer, ExportLogsServiceResponse.getDefaultInstance());
                    }
                })
                .build()
                .start();
        return new OtlpGrpcTransport(server);
    }

    private static <T> void respond(OtlpReceiver receiver, Runnable keep, StreamObserver<T> answer, T ok) {
        if (receiver.delayAndDecideFailure()) {
            answer.onError(Status.INTERNAL.withDescription("told to fail").asRuntimeException());
            return;
        }
        keep.run();
        answer.onNext(ok);
        answer.onCompleted();
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
