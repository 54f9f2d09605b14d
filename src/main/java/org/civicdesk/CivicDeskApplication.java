package org.civicdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CivicDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(CivicDeskApplication.class, args);
    }
}
