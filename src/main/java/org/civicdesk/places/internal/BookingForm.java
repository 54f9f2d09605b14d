package org.civicdesk.places.internal;

import java.io.Serializable;

import org.civicdesk.places.internal.Commands.BookingCommand;

/** The booking form of a place's page, bound field by field; the service checks it as it checks the API. */
class BookingForm implements Serializable {

    private String date;
    private String startTime;
    private String endTime;
    private Integer groupSize;
    private String topic;

    BookingCommand command() {
        return new BookingCommand(date, startTime, endTime, groupSize, topic);
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public Integer getGroupSize() {
        return groupSize;
    }

    public void setGroupSize(Integer groupSize) {
        this.groupSize = groupSize;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }
}
