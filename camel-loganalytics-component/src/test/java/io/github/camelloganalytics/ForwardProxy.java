package io.github.camelloganalytics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A forward HTTP proxy on a loopback socket, as a corporate proxy behaves: {@code CONNECT host:port} opens a tunnel
 * (for https), an absolute-URI request ({@code POST http://host:port/path}) is forwarded (for http). With a user
 * name and password it answers {@code 407} with {@code Proxy-Authenticate: Basic} until the request carries them.
 * It records what passed through it. {@link #close()} closes every socket.
 */
final class ForwardProxy implements AutoCloseable {

    /** One request that passed through: {@code CONNECT 127.0.0.1:443} or {@code POST http://...}. */
    record Passed(String requestLine, boolean authenticated) {
    }

    private final ServerSocket listener;
    private final String expectedAuthorization;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    final List<Passed> passed = new CopyOnWriteArrayList<>();
    /** Requests answered 407: they asked without (or with wrong) credentials. */
    final List<String> refused = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    /** Requests read and never answered, while {@link #silent}. */
    final List<String> unanswered = new CopyOnWriteArrayList<>();
    /** Whether the proxy reads each request and then never answers, as a proxy stuck upstream does. */
    volatile boolean silent;
    /** Hosts whose tunnels this proxy opens itself, as a TLS-inspecting proxy does: see {@link #inspect}. */
    private final java.util.Map<String, Inspected> inspected = new java.util.concurrent.ConcurrentHashMap<>();
    /** The request lines seen inside inspected tunnels: {@code GET https://host/path HTTP/1.1}. */
    final List<String> inspectedRequests = new CopyOnWriteArrayList<>();

    /** Where an inspected host's requests really go, and the TLS contexts on both sides. */
    private record Inspected(javax.net.ssl.SSLContext asHost, int targetPort, javax.net.ssl.SSLContext toTarget) {
    }

    /**
     * @param username the user name the proxy requires, or null for none
     * @param password its password
     */
    ForwardProxy(String username, String password) throws IOException {
        this.expectedAuthorization = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "forward-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /**
     * Opens the tunnels to {@code host} itself, as a corporate TLS-inspecting proxy does: it answers the client's TLS
     * with {@code asHost} (a certificate for that name, which the client must trust), sends each request on over TLS
     * to {@code 127.0.0.1:targetPort} (trusted through {@code toTarget}), and records each request line.
     *
     * @param host       the host name a client asks to tunnel to
     * @param asHost     the server TLS context presenting a certificate for {@code host}
     * @param targetPort the loopback port of the real server
     * @param toTarget   the client TLS context trusting the real server
     */
    void inspect(String host, javax.net.ssl.SSLContext asHost, int targetPort, javax.net.ssl.SSLContext toTarget) {
        inspected.put(host.toLowerCase(Locale.ROOT), new Inspected(asHost, targetPort, toTarget));
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                daemon(() -> serve(client), "forward-proxy-client");
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String[] lines = head.split("\r\n");
                String requestLine = lines[0];
                if (silent) {
                    unanswered.add(requestLine);
                    while (in.read() >= 0) {
                        // hold the connection, answer nothing, until the client gives up or the proxy closes
                    }
                    return;
                }
                String authorization = header(lines, "proxy-authorization");
                long contentLength = Long.parseLong(headerOr(lines, "content-length", "0"));
                boolean authenticated = expectedAuthorization != null && expectedAuthorization.equals(authorization);
                if (expectedAuthorization != null && !authenticated) {
                    in.readNBytes((int) contentLength);
                    refused.add(requestLine);
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic "
                               + "realm=\"test-proxy\"\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    continue;
                }
                passed.add(new Passed(requestLine, authenticated));
                String[] parts = requestLine.split(" ");
                if (parts[0].equals("CONNECT")) {
                    tunnel(client, parts[1], in, out);
                } else {
                    forward(parts, lines, contentLength, in, out);
                }
                return;
            }
        } catch (IOException e) {
            // a side went away: the exchange is over
        }
    }

    private void tunnel(Socket client, String authority, InputStream in, OutputStream out) throws IOException {
        int colon = authority.lastIndexOf(':');
        Inspected inspect = inspected.get(authority.substring(0, colon).toLowerCase(Locale.ROOT));
        if (inspect != null) {
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            inspectTunnel(client, authority.substring(0, colon), inspect);
            return;
        }
        try (Socket target = new Socket(authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1)))) {
            sockets.add(target);
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread up = daemon(() -> pipe(in, outputOf(target)), "forward-proxy-up");
            pipe(target.getInputStream(), out);
            up.interrupt();
        }
    }

    /** The client's TLS ends here; each request is recorded and sent on over TLS to the real server. */
    private void inspectTunnel(Socket client, String host, Inspected inspect) throws IOException {
        try (javax.net.ssl.SSLSocket fromClient = (javax.net.ssl.SSLSocket) inspect.asHost().getSocketFactory()
                .createSocket(client, host, client.getPort(), false);
             javax.net.ssl.SSLSocket toTarget = (javax.net.ssl.SSLSocket) inspect.toTarget().getSocketFactory()
                     .createSocket("127.0.0.1", inspect.targetPort())) {
            sockets.add(fromClient);
            sockets.add(toTarget);
            fromClient.setUseClientMode(false);
            InputStream in = fromClient.getInputStream();
            OutputStream targetOut = toTarget.getOutputStream();
            Thread down = daemon(() -> pipe(inputOf(toTarget), outputOf(fromClient)), "forward-proxy-down");
            String head;
            while ((head = readHead(in)) != null) {
                String[] lines = head.split("\r\n");
                String[] parts = lines[0].split(" ");
                inspectedRequests.add(parts[0] + " https://" + host + parts[1] + " " + parts[2]);
                targetOut.write(head.getBytes(StandardCharsets.ISO_8859_1));
                targetOut.write(in.readNBytes(Integer.parseInt(headerOr(lines, "content-length", "0"))));
                targetOut.flush();
            }
            down.interrupt();
        }
    }

    private static InputStream inputOf(Socket socket) {
        try {
            return socket.getInputStream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void forward(String[] requestLine, String[] lines, long contentLength, InputStream in, OutputStream out)
            throws IOException {
        URI uri = URI.create(requestLine[1]);
        try (Socket target = new Socket(uri.getHost(), uri.getPort())) {
            sockets.add(target);
            StringBuilder head = new StringBuilder(requestLine[0] + " " + uri.getRawPath()
                                                   + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "")
                                                   + " " + requestLine[2] + "\r\n");
            for (int i = 1; i < lines.length; i++) {
                String name = lines[i].toLowerCase(Locale.ROOT);
                if (!name.startsWith("proxy-") && !name.startsWith("connection:")) {
                    head.append(lines[i]).append("\r\n");
                }
            }
            // one request per connection: the answer ends when the target closes
            head.append("Connection: close\r\n\r\n");
            OutputStream targetOut = target.getOutputStream();
            targetOut.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            targetOut.write(in.readNBytes((int) contentLength));
            targetOut.flush();
            pipe(target.getInputStream(), out);
        }
    }

    private static OutputStream outputOf(Socket socket) {
        try {
            return socket.getOutputStream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void pipe(InputStream from, OutputStream to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // either side closed
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        int matched = 0;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static String header(String[] lines, String name) {
        return headerOr(lines, name, null);
    }

    private static String headerOr(String[] lines, String name, String fallback) {
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).trim().equalsIgnoreCase(name)) {
                return lines[i].substring(colon + 1).trim();
            }
        }
        return fallback;
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
