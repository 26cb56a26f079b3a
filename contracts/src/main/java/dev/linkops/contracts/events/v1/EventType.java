package dev.linkops.contracts.events.v1;

import java.util.Map;

/** Event type names on the wire and the record each payload maps to. */
public enum EventType {
    LINK_PUBLISHED("LinkPublished", LinkPublished.class),
    LINK_RETIRED("LinkRetired", LinkRetired.class),
    AVAILABILITY_CHANGED("AvailabilityChanged", AvailabilityChanged.class),
    FEED_STALE("FeedStale", FeedStale.class),
    CLICK_RECORDED("ClickRecorded", ClickRecorded.class),
    DESTINATION_CHECKED("DestinationChecked", DestinationChecked.class),
    ALERT_RAISED("AlertRaised", AlertRaised.class),
    ALERT_RESOLVED("AlertResolved", AlertResolved.class);

    private static final Map<String, EventType> BY_WIRE_NAME = Map.of(
            "LinkPublished", LINK_PUBLISHED, "LinkRetired", LINK_RETIRED,
            "AvailabilityChanged", AVAILABILITY_CHANGED, "FeedStale", FEED_STALE,
            "ClickRecorded", CLICK_RECORDED, "DestinationChecked", DESTINATION_CHECKED,
            "AlertRaised", ALERT_RAISED, "AlertResolved", ALERT_RESOLVED);

    public final String wireName;
    public final Class<? extends Record> payloadType;

    EventType(String wireName, Class<? extends Record> payloadType) {
        this.wireName = wireName;
        this.payloadType = payloadType;
    }

    /** @return the type, or null for a type this version does not know (consumers skip it) */
    public static EventType ofWireName(String name) {
        return name == null ? null : BY_WIRE_NAME.get(name);
    }

    public static EventType of(Class<? extends Record> payloadType) {
        for (EventType t : values()) {
            if (t.payloadType == payloadType) {
                return t;
            }
        }
        throw new IllegalArgumentException("not an event payload: " + payloadType.getName());
    }
}
