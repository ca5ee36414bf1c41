package dev.salvo.dsl.host;

import dev.salvo.engine.http.Multipart;
import org.graalvm.polyglot.HostAccess;

/** A multipart body built for a script's request; the module reads its content type, the host its bytes. */
public final class MultipartBody {
    final Multipart multipart;

    MultipartBody(Multipart multipart) {
        this.multipart = multipart;
    }

    @HostAccess.Export
    public String contentType() {
        return multipart.contentType();
    }
}
