package org.saepj.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.saepj.SaepException;
import org.saepj.UsageException;

/** Whether a standalone master's port answers, asked before Spark's own registration (which retries for a minute). */
final class MasterProbe {
    private MasterProbe() {}

    /**
     * @param master {@code spark://HOST:PORT}, or several comma-separated for standby masters
     * @param seconds how long each connection attempt may take
     * @throws SaepException naming the address when no master answers
     */
    static void requireReachable(String master, int seconds) {
        List<String> problems = new ArrayList<>();
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            if (colon <= 0) {
                throw new UsageException("--spark " + master + ": expected spark://HOST:PORT");
            }
            String host = hostPort.substring(0, colon);
            int port;
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new UsageException("--spark " + master + ": the port of " + hostPort + " is not a number");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), seconds * 1000);
                return;
            } catch (IOException e) {
                problems.add(hostPort + " (" + e.getMessage() + ")");
            }
        }
        throw new UsageException("--spark " + master + ": no master answers at " + String.join(", ", problems));
    }
}
