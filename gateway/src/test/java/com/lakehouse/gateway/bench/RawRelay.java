package com.lakehouse.gateway.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The floor of any user-space proxy on this machine, for scripts/bench/gateway.sh: a TCP relay on
 * Netty (epoll when present, one event loop per core) that copies bytes between each client
 * connection and one upstream connection of its own, on the client's event loop, without reading
 * a byte of HTTP. Whatever a proxy that routes, authenticates and rewrites HTTP costs, it costs at
 * least this: the same four socket reads and writes per exchange.
 *
 * <p>{@code RawRelay PORT=UPSTREAM_HOST:UPSTREAM_PORT...}: one listening port per upstream.
 */
public final class RawRelay {

    private RawRelay() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> serverType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        Class<? extends Channel> clientType = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, io);
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(), io);
        for (String relay : args) {
            int port = Integer.parseInt(relay.substring(0, relay.indexOf('=')));
            String upstream = relay.substring(relay.indexOf('=') + 1);
            String host = upstream.substring(0, upstream.lastIndexOf(':'));
            int upstreamPort = Integer.parseInt(upstream.substring(upstream.lastIndexOf(':') + 1));
            new ServerBootstrap().group(boss, loops).channel(serverType)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.AUTO_READ, false)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel client) {
                            client.pipeline().addLast(new Frontend(clientType, host, upstreamPort));
                        }
                    })
                    .bind(port).sync();
            System.out.println("relay listening on " + port + " (" + (epoll ? "epoll" : "nio") + ") -> " + upstream);
        }
        loops.terminationFuture().sync();
    }

    /** The client's side: connects its upstream on its own event loop, then relays what it reads. */
    private static final class Frontend extends ChannelInboundHandlerAdapter {
        private final Class<? extends Channel> clientType;
        private final String host;
        private final int port;
        private Channel upstream;

        Frontend(Class<? extends Channel> clientType, String host, int port) {
            this.clientType = clientType;
            this.host = host;
            this.port = port;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel client = ctx.channel();
            upstream = new Bootstrap().group(client.eventLoop()).channel(clientType)
                    .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.AUTO_READ, false)
                    .handler(new Relay(client)).connect(host, port)
                    .addListener((ChannelFutureListener) f -> {
                        if (f.isSuccess()) {
                            client.read();
                        } else {
                            client.close();
                        }
                    }).channel();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            copy(ctx, msg, upstream);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (upstream != null) {
                closeOnFlush(upstream);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            closeOnFlush(ctx.channel());
        }
    }

    /** One direction's copy: what one side reads is written to the other, then the next read. */
    private static final class Relay extends ChannelInboundHandlerAdapter {
        private final Channel to;

        Relay(Channel to) {
            this.to = to;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.read();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            copy(ctx, msg, to);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closeOnFlush(to);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            closeOnFlush(ctx.channel());
        }
    }

    /** Writes what one side read to the other; the side reads again once that write is done. */
    private static void copy(ChannelHandlerContext from, Object msg, Channel to) {
        to.writeAndFlush(msg).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                from.channel().read();
            } else {
                f.channel().close();
            }
        });
    }

    private static void closeOnFlush(Channel channel) {
        if (channel.isActive()) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
