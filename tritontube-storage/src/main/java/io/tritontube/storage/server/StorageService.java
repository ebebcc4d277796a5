package io.tritontube.storage.server;

import com.google.protobuf.ByteString;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.tritontube.grpc.security.GrpcSecuritySettings;
import io.tritontube.proto.storage.DeleteResponse;
import io.tritontube.proto.storage.DeleteVideoRequest;
import io.tritontube.proto.storage.FileRef;
import io.tritontube.proto.storage.FileStat;
import io.tritontube.proto.storage.HealthRequest;
import io.tritontube.proto.storage.HealthResponse;
import io.tritontube.proto.storage.ListRequest;
import io.tritontube.proto.storage.ListResponse;
import io.tritontube.proto.storage.ReadHeader;
import io.tritontube.proto.storage.ReadRequest;
import io.tritontube.proto.storage.ReadResponse;
import io.tritontube.proto.storage.StorageServiceGrpc;
import io.tritontube.proto.storage.WriteRequest;
import io.tritontube.proto.storage.WriteResponse;
import io.tritontube.storage.server.disk.DiskTotals;
import io.tritontube.storage.server.disk.OpenStoredFile;
import io.tritontube.storage.server.disk.StorageDirectory;
import io.tritontube.storage.server.disk.StoredNames;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code tritontube.storage.v1.StorageService} over one {@link StorageDirectory}. Names are
 * checked by the directory; this class speaks the protocol: headers, ranges, batches, status
 * codes.
 */
public final class StorageService extends StorageServiceGrpc.StorageServiceImplBase {

    private static final Logger LOG = Logger.getLogger(StorageService.class.getName());

    private final StorageDirectory directory;

    public StorageService(StorageDirectory directory) {
        this.directory = directory;
    }

    /** The service guarded as {@code security} says (the token check when a token is set). */
    public static ServerServiceDefinition definition(StorageDirectory directory, GrpcSecuritySettings security) {
        return ServerInterceptors.intercept(new StorageService(directory), security.serverInterceptors());
    }

    @Override
    public StreamObserver<WriteRequest> write(StreamObserver<WriteResponse> responses) {
        return new WriteHandler(directory, responses);
    }

    @Override
    public void read(ReadRequest request, StreamObserver<ReadResponse> responses) {
        String operation = "read " + display(request.getFile());
        if (request.getOffset() < 0 || request.getLength() < 0) {
            responses.onError(Failures.refuse(operation, Status.INVALID_ARGUMENT,
                    "offset " + request.getOffset() + " and length " + request.getLength() + " may not be negative"));
            return;
        }
        OpenStoredFile file = null;
        try {
            file = directory.openForRead(request.getFile().getVideoId(), request.getFile().getFileName());
            long size = file.channel().size();
            if (request.getOffset() > size) {
                file.close();
                responses.onError(Failures.refuse(operation, Status.OUT_OF_RANGE,
                        "offset " + request.getOffset() + " is past the end of the " + size + "-byte file"));
                return;
            }
            long available = size - request.getOffset();
            long length = request.getLength() == 0 ? available : Math.min(request.getLength(), available);
            ReadHeader header = ReadHeader.newBuilder()
                    .setFileSize(size).setOffset(request.getOffset()).setLength(length).build();
            FlowControlledSender.start((ServerCallStreamObserver<ReadResponse>) responses,
                    new FileChunks(file, header, operation), operation);
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(file, operation);
            responses.onError(Failures.toStatus(operation, e));
        }
    }

    @Override
    public void stat(FileRef request, StreamObserver<FileStat> responses) {
        String operation = "stat " + display(request);
        try {
            io.tritontube.storage.client.FileStat stat =
                    directory.stat(request.getVideoId(), request.getFileName());
            FileStat.Builder answer = FileStat.newBuilder().setFile(request).setSize(stat.size())
                    .setSha256(ByteString.copyFrom(stat.sha256().toByteArray()));
            stat.recordedSha256().ifPresent(recorded -> answer.setRecordedSha256(ByteString.copyFrom(recorded.toByteArray())));
            responses.onNext(answer.build());
            responses.onCompleted();
        } catch (IOException | RuntimeException e) {
            responses.onError(Failures.toStatus(operation, e));
        }
    }

    @Override
    public void delete(FileRef request, StreamObserver<DeleteResponse> responses) {
        String operation = "delete " + display(request);
        try {
            boolean deleted = directory.delete(request.getVideoId(), request.getFileName());
            LOG.log(Level.FINE, "{0}: {1}", new Object[] {operation, deleted ? "deleted" : "there was no such file"});
            responses.onNext(DeleteResponse.newBuilder().setDeleted(deleted).setFilesDeleted(deleted ? 1 : 0).build());
            responses.onCompleted();
        } catch (IOException | RuntimeException e) {
            responses.onError(Failures.toStatus(operation, e));
        }
    }

    @Override
    public void deleteVideo(DeleteVideoRequest request, StreamObserver<DeleteResponse> responses) {
        String operation = "delete video " + StoredNames.printable(request.getVideoId());
        try {
            int deleted = directory.deleteVideo(request.getVideoId());
            LOG.log(Level.INFO, "{0}: {1} files deleted", new Object[] {operation, deleted});
            responses.onNext(DeleteResponse.newBuilder().setDeleted(deleted > 0).setFilesDeleted(deleted).build());
            responses.onCompleted();
        } catch (IOException | RuntimeException e) {
            responses.onError(Failures.toStatus(operation, e));
        }
    }

    @Override
    public void list(ListRequest request, StreamObserver<ListResponse> responses) {
        String operation = request.getVideoId().isEmpty()
                ? "list every file" : "list video " + StoredNames.printable(request.getVideoId());
        try {
            FlowControlledSender.start((ServerCallStreamObserver<ListResponse>) responses,
                    new ListingBatches(directory.list(request.getVideoId())), operation);
        } catch (IOException | RuntimeException e) {
            responses.onError(Failures.toStatus(operation, e));
        }
    }

    @Override
    public void health(HealthRequest request, StreamObserver<HealthResponse> responses) {
        try {
            DiskTotals totals = directory.totals();
            responses.onNext(HealthResponse.newBuilder()
                    .setBaseDir(directory.path().toString())
                    .setFileCount(totals.fileCount())
                    .setTotalBytes(totals.totalBytes())
                    .setFreeBytes(directory.freeBytes())
                    .build());
            responses.onCompleted();
        } catch (IOException | RuntimeException e) {
            responses.onError(Failures.toStatus("health", e));
        }
    }

    /** A file reference from a request, safe to put in messages and logs. */
    static String display(FileRef file) {
        return StoredNames.printable(file.getVideoId()) + "/" + StoredNames.printable(file.getFileName());
    }

    private static void closeAfterFailure(OpenStoredFile file, String operation) {
        if (file == null) {
            return;
        }
        try {
            file.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not close the file of " + operation, e);
        }
    }
}
