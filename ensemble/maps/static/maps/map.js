/* The territory map: Leaflet (as shipped by django-leaflet), markers from carte/points.json.
   Everything on the map is also in the list below it, so the page works without
   JavaScript and without tiles. */
(function () {
  "use strict";

  var element = document.getElementById("territory-map");
  if (!element || typeof window.L === "undefined") {
    return;
  }
  var L = window.L;
  var data = element.dataset;
  var fallback = element.querySelector(".map__fallback");
  if (fallback) {
    fallback.remove();
  }
  element.classList.add("map--ready");

  var map = L.map(element, { scrollWheelZoom: false });
  var latitude = parseFloat(data.lat);
  var longitude = parseFloat(data.lng);
  var hasCentre = !isNaN(latitude) && !isNaN(longitude);
  if (hasCentre) {
    map.setView([latitude, longitude], parseInt(data.zoom, 10) || 13);
  } else {
    map.setView([46.6, 2.5], 5);
  }
  if (data.tilesUrl) {
    L.tileLayer(data.tilesUrl, { attribution: data.tilesAttribution || "", maxZoom: 19 }).addTo(map);
  }
  var layer = L.layerGroup().addTo(map);
  var points = []; // {kind, latlng, marker}
  var shown = {}; // kind → shown?
  var filters = document.getElementById("map-filters");
  var CELL = 56; // pixels: markers closer than this at the current zoom form a cluster
  var MIN_CLUSTER = 3; // two neighbours stay two markers

  function pin(kind) {
    return L.divIcon({
      className: "map-pin map-pin--" + kind,
      html: '<span class="map-marker map-marker--' + kind + '"></span>',
      iconSize: [24, 24],
      iconAnchor: [12, 12],
      popupAnchor: [0, -10],
    });
  }

  function popupFor(properties) {
    var box = document.createElement("div");
    var name = document.createElement(properties.url ? "a" : "strong");
    name.textContent = properties.name;
    if (properties.url) {
      name.href = properties.url;
    }
    box.appendChild(name);
    var kind = document.createElement("p");
    kind.textContent = properties.kind_label +
      (properties.neighbourhood ? " · " + properties.neighbourhood : "");
    box.appendChild(kind);
    return box;
  }

  function addFeatures(features) {
    features.forEach(function (feature) {
      var coordinates = feature.geometry.coordinates;
      var properties = feature.properties;
      var title = properties.name + " (" + properties.kind_label + ")";
      var latlng = L.latLng(coordinates[1], coordinates[0]);
      var marker = L.marker(latlng, {
        icon: pin(properties.kind), title: title, alt: title, keyboard: true,
      });
      marker.bindPopup(popupFor(properties));
      points.push({
        kind: properties.kind, latlng: latlng, marker: marker, popup: popupFor(properties),
      });
    });
  }

  function visible() {
    return points.filter(function (point) { return shown[point.kind] !== false; });
  }

  /* A simple grid clustering: MIN_CLUSTER or more visible points that fall in the same
     cell of CELL pixels at the current zoom are shown as one numbered marker that zooms in. */
  function draw() {
    layer.clearLayers();
    var cells = {};
    visible().forEach(function (point) {
      var pixel = map.project(point.latlng);
      var key = Math.floor(pixel.x / CELL) + ":" + Math.floor(pixel.y / CELL);
      (cells[key] = cells[key] || []).push(point);
    });
    var count = 0;
    Object.keys(cells).forEach(function (key) {
      var group = cells[key];
      count += group.length;
      if (group.length < MIN_CLUSTER || map.getZoom() >= 18) {
        group.forEach(function (point) { layer.addLayer(point.marker); });
        return;
      }
      var bounds = L.latLngBounds(group.map(function (point) { return point.latlng; }));
      var label = (data.msgCluster || "{count}").replace("{count}", group.length);
      var size = group.length < 10 ? 32 : group.length < 100 ? 38 : 46;
      var cluster = L.marker(bounds.getCenter(), {
        icon: L.divIcon({
          className: "map-cluster", html: String(group.length),
          iconSize: [size, size], iconAnchor: [size / 2, size / 2],
        }),
        title: label, alt: label, keyboard: true,
      });
      cluster.on("click", function () {
        if (bounds.getNorthEast().equals(bounds.getSouthWest())) {
          // One address for them all: zooming would never part them; list them instead.
          var list = document.createElement("ul");
          list.className = "map-cluster__list";
          group.forEach(function (point) {
            var item = document.createElement("li");
            item.appendChild(point.popup);
            list.appendChild(item);
          });
          L.popup().setLatLng(bounds.getCenter()).setContent(list).openOn(map);
          return;
        }
        map.fitBounds(bounds, { padding: [40, 40], maxZoom: map.getZoom() + 3 });
      });
      layer.addLayer(cluster);
    });
    element.dataset.shown = String(count);
  }
  map.on("zoomend", draw);

  if (filters) {
    var submit = filters.querySelector(".map-filters__submit");
    if (submit) {
      submit.hidden = true; // the boxes act at once
    }
    Array.prototype.forEach.call(filters.querySelectorAll("input[name=type]"), function (box) {
      shown[box.value] = box.checked;
      box.addEventListener("change", function () {
        shown[box.value] = box.checked;
        if (box.checked && element.dataset.pointsUrl !== data.allPointsUrl) {
          // The page was loaded filtered: fetch every kind once, then filter here.
          element.dataset.pointsUrl = data.allPointsUrl;
          points = [];
          load(data.allPointsUrl);
          return;
        }
        draw();
      });
    });
  }

  function load(url) {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (collection) {
        addFeatures(collection.features);
        if (collection.next) {
          load(collection.next);
        } else {
          element.dataset.loaded = String(points.length);
          if (!hasCentre && points.length) {
            var bounds = L.latLngBounds(points.map(function (point) { return point.latlng; }));
            map.fitBounds(bounds, { maxZoom: 15, padding: [30, 30] });
          }
          draw();
        }
      })
      .catch(function () {
        element.dataset.loaded = "error";
      });
  }

  data.allPointsUrl = data.pointsUrl.split("?")[0];
  load(data.pointsUrl);
})();
