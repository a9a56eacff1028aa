package com.intellivision.console.testsupport;

/**
 * An IntelliVision server and its Flower on loopback, to try the console's remote deployments by hand
 * or in a demo: {@code mvn -q -Pbench test-compile exec:exec -Dbench.main=com.intellivision.console.testsupport.FakeServersMain}.
 * Add the printed address and token as a deployment; links with "fail" fail, with "stay" keep running.
 */
public final class FakeServersMain {

    private FakeServersMain() {}

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
        FakeIntelliVisionServer server = FakeIntelliVisionServer.startOn(port);
        FakeFlower flower = FakeFlower.start(server);
        System.out.println("IntelliVision server: " + server.url() + "  access token: " + FakeIntelliVisionServer.ACCESS_TOKEN);
        System.out.println("Flower: " + flower.url() + "  user: " + FakeFlower.USER + "  password: " + FakeFlower.PASSWORD);
        Thread.currentThread().join();
    }
}
