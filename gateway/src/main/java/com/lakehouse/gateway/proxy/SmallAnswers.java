package com.lakehouse.gateway.proxy;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes an upstream's answer body to the caller: whole, in one write, when all of it has arrived
 * within {@link #WHOLE_UP_TO} bytes; streamed as it arrives otherwise.
 *
 * <p>Written as a stream, even a small answer costs the caller's connection three socket writes
 * (Reactor Netty flushes the head before the body, then each chunk, then the last chunk): queryd's
 * chunked JSON answer to {@code POST /v1/sql} of a {@code count(*)} (one 119-byte chunk) went out as
 * three {@code sendto}/{@code writev} calls, each a loopback TCP send that also wakes the caller.
 * Written whole, it is one message with its length ({@code Content-Length} replaces the chunking,
 * which is hop-by-hop) in one write. The gateway holds at most {@link #WHOLE_UP_TO} bytes of an answer
 * before it starts streaming it, so a 1 GiB download still passes through a small heap; what a long
 * streamed answer (a CSV export) gives up is that its first 64 KiB leave together.
 */
final class SmallAnswers {

    /** The most of an answer held back to be written whole; past it, the answer streams. */
    static final long WHOLE_UP_TO = 64 * 1024;

    private SmallAnswers() {
    }

    static Mono<Void> write(Flux<ByteBuf> body, ServerHttpResponse response, NettyDataBufferFactory buffers) {
        AtomicLong held = new AtomicLong();
        // bufferUntil cuts early only once past the limit; a first list at or under it came with the end
        Predicate<ByteBuf> pastLimit = buffer -> held.addAndGet(buffer.readableBytes()) > WHOLE_UP_TO;
        return body.bufferUntil(pastLimit)
                // what is held when the caller hangs up is let go, not leaked
                .doOnDiscard(ByteBuf.class, SmallAnswers::release)
                .switchOnFirst((first, lists) -> {
                    if (first.hasValue() && held.get() <= WHOLE_UP_TO) {
                        return lists.next().flatMap(list -> response.writeWith(Mono.just(buffers.wrap(whole(list)))));
                    }
                    return response.writeWith(lists.concatMapIterable(list -> list).map(buffers::wrap));
                }, false)
                .then();
    }

    private static void release(ByteBuf buffer) {
        if (buffer.refCnt() > 0) {
            buffer.release();
        }
    }

    private static ByteBuf whole(List<ByteBuf> parts) {
        return parts.size() == 1 ? parts.getFirst() : Unpooled.wrappedBuffer(parts.toArray(ByteBuf[]::new));
    }
}
