package com.lakehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import reactor.core.publisher.Flux;

/** An answer that ends within the limit leaves in one piece; a longer one streams, byte for byte. */
class SmallAnswersTest {

    private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    private static List<byte[]> written(MockServerHttpResponse response) {
        return response.getBody().map(buffer -> {
            byte[] out = new byte[buffer.readableByteCount()];
            buffer.read(out);
            DataBufferUtils.release(buffer);
            return out;
        }).collectList().block();
    }

    private static String joined(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anAnswerInSeveralChunksThatEndsWithinTheLimitIsWrittenWhole() {
        MockServerHttpResponse response = new MockServerHttpResponse(buffers);
        SmallAnswers.write(Flux.just(bytes("{\"rows\":"), bytes("[[500000]]"), bytes("}")), response, buffers).block();
        List<byte[]> parts = written(response);
        assertThat(parts).hasSize(1);
        assertThat(joined(parts)).isEqualTo("{\"rows\":[[500000]]}");
    }

    @Test
    void anAnswerPastTheLimitStreamsEveryByteInOrder() {
        int chunk = 16 * 1024;
        int chunks = (int) (SmallAnswers.WHOLE_UP_TO / chunk) * 3;
        StringBuilder expected = new StringBuilder();
        Flux<ByteBuf> body = Flux.range(0, chunks).map(i -> {
            String text = String.valueOf((char) ('a' + i % 26)).repeat(chunk);
            expected.append(text);
            return bytes(text);
        });
        MockServerHttpResponse response = new MockServerHttpResponse(buffers);
        SmallAnswers.write(body, response, buffers).block();
        List<byte[]> parts = written(response);
        assertThat(parts.size()).isGreaterThan(1);
        assertThat(joined(parts)).isEqualTo(expected.toString());
    }

    @Test
    void anEmptyAnswerWritesNothing() {
        MockServerHttpResponse response = new MockServerHttpResponse(buffers);
        SmallAnswers.write(Flux.empty(), response, buffers).block();
        assertThat(joined(written(response))).isEmpty();
    }
}
