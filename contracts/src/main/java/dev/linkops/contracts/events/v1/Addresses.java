package dev.linkops.contracts.events.v1;

/** AMQP addresses of DESIGN §2; topics are multicast, the two queues anycast. */
public final class Addresses {
    public static final String LINKS = "linkops.links";
    public static final String AVAILABILITY = "linkops.availability";
    public static final String CLICKS = "linkops.clicks";
    public static final String AUDITS = "linkops.audits";
    public static final String ALERTS = "linkops.alerts";
    public static final String POSTCLICK = "linkops.postclick";

    /**
     * The durable subscription queue a service keeps on a topic, e.g. {@code alerting-service.links}
     * for {@code linkops.links}. Artemis queue names are broker-wide, hence the topic suffix.
     */
    public static String subscriptionQueue(String topic, String service) {
        return service + "." + topic.substring(topic.lastIndexOf('.') + 1);
    }

    /** The fully qualified queue name a consumer attaches to: {@code linkops.links::alerting-service.links}. */
    public static String subscription(String topic, String service) {
        return topic + "::" + subscriptionQueue(topic, service);
    }

    private Addresses() {
    }
}
