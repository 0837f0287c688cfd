<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MapView</name>
    <message>
        <location filename="../../fieldapp/ui/map/view.py" line="685"/>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/view.py" line="687"/>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
</context>
<context>
    <name>MapWindow</name>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="67"/>
        <source>Map of outfalls</source>
        <translation>排污口地图</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="87"/>
        <source>Outfall code, e.g. 320623…</source>
        <translation>排污口编码，如 320623…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="89"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="92"/>
        <source>Colour by type</source>
        <translation>按类型着色</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="93"/>
        <source>Colour by state</source>
        <translation>按状态着色</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="95"/>
        <source>Basemap…</source>
        <translation>底图…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="97"/>
        <source>Tiles in GCJ-02</source>
        <translation>底图为 GCJ-02 坐标</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="98"/>
        <source>Amap and Tencent tiles are GCJ-02; Tianditu is not</source>
        <translation>高德、腾讯底图为 GCJ-02；天地图不是</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="113"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="265"/>
        <source>This task has no place on the map.</source>
        <translation>此任务在地图上没有位置。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/map/window.py" line="325"/>
        <source>%n outfall(s) on the map</source>
        <translation>
            <numerusform>地图上共 %n 个排污口</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="198"/>
        <source>No outfall with position has the code %1.</source>
        <translation>没有编码为 %1 且有位置的排污口。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="293"/>
        <source>Basemap: %1</source>
        <translation>底图：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="321"/>
        <source>Selected: %1</source>
        <translation>已选：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/map/window.py" line="327"/>
        <source>%n aerial-survey lead(s) to verify</source>
        <translation>
            <numerusform>待核查航测线索 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/map/window.py" line="329"/>
        <source>%n open task(s) for you</source>
        <translation>
            <numerusform>派给您的待办任务 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/map/window.py" line="332"/>
        <source>, %n overdue</source>
        <translation>
            <numerusform>，其中已逾期 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="366"/>
        <source>Task here…</source>
        <translation>在此派任务…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="409"/>
        <source>Lifecycle state</source>
        <translation>整治状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="413"/>
        <source>Outfall type</source>
        <translation>排污口类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="432"/>
        <source>Dark circle with a number: that many outfalls; tap to zoom in</source>
        <translation>带数字的深色圆圈：该处排污口数量；点击放大</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="436"/>
        <source>Yellow diamond: an aerial-survey lead to verify (with a number: that many)</source>
        <translation>黄色菱形：待核查的航测线索（带数字：该处线索数）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="441"/>
        <source>Flag: a task for you</source>
        <translation>旗标：派给您的任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="442"/>
        <source>Red flag with “!”: a task overdue</source>
        <translation>带“!”的红旗：已逾期的任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="450"/>
        <source>Open an MBTiles basemap</source>
        <translation>打开 MBTiles 底图</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="452"/>
        <source>MBTiles (*.mbtiles);;All files (*)</source>
        <translation>MBTiles 文件 (*.mbtiles);;所有文件 (*)</translation>
    </message>
</context>
</TS>
