package dev.zt.jpa.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Shared reference data: not tenant-scoped, so native SQL on it needs no marker. */
@Entity
@Table(name = "country")
public class Country {

    @Id
    private String code;

    private String name;

    protected Country() {
    }

    public Country(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public String getName() {
        return name;
    }
}
